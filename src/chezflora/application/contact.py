"""The public contact form: a message to the shop's support address, through the outbox."""

from __future__ import annotations

from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.errors import InvalidInput

ALL_REQUIRED = "Tous les champs sont requis."
LIMITS = {"name": 100, "email": 254, "message": 5000}


class SendContactMessage:
    """All three fields required and bounded; line breaks never reach a mail header."""

    def __init__(self, uow: UnitOfWorkFactory, support_address: str) -> None:
        self._uow, self._support = uow, support_address

    def __call__(self, name: str | None, email: str | None, message: str | None) -> None:
        values = {
            "name": (name or "").strip(),
            "email": (email or "").strip(),
            "message": (message or "").strip(),
        }
        if not all(values.values()):
            raise InvalidInput(ALL_REQUIRED)
        too_long = {
            k: [f"Au plus {LIMITS[k]} caractères."] for k, v in values.items() if len(v) > LIMITS[k]
        }
        if too_long:
            raise InvalidInput("Message trop long.", fields=too_long)
        single_line = {k: " ".join(values[k].split()) for k in ("name", "email")}
        with self._uow() as uow:
            uow.outbox.add(
                OutgoingEmail(
                    to=self._support,
                    template="contact",
                    context={**single_line, "message": values["message"]},
                )
            )
            uow.commit()
