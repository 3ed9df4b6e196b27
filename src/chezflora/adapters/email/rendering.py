"""French e-mail templates (Jinja2): the first line is the subject, the rest the plain-text body."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

from jinja2 import Environment, PackageLoader, StrictUndefined

from chezflora.application.ports import OutgoingEmail


class EmailRenderer:
    def __init__(self, sender: str) -> None:
        self._sender = sender
        self._env = Environment(
            loader=PackageLoader("chezflora.adapters.email", "templates"),
            undefined=StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
        )
        self._env.filters["fcfa"] = _fcfa

    def render(self, email: OutgoingEmail) -> EmailMessage:
        text = self._env.get_template(f"{email.template}.txt").render(**email.context)
        subject, _, body = text.partition("\n")
        message = EmailMessage()
        message["From"] = self._sender
        message["To"] = email.to
        message["Subject"] = subject.strip()
        message["Message-ID"] = make_msgid(domain="chezflora.cm")
        message.set_content(body.lstrip("\n"))
        return message


def _fcfa(value: object) -> str:
    """Amounts in FCFA with a space as thousands separator, as Cameroonian shops print them."""
    text = (
        f"{float(str(value)):,.0f}" if str(value).endswith(".00") else f"{float(str(value)):,.2f}"
    )
    return text.replace(",", " ") + " FCFA"
