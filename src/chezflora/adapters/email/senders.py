"""Where rendered e-mails go: files under var/outbox (default) or an SMTP server."""

from __future__ import annotations

import smtplib
import uuid
from datetime import UTC, datetime
from pathlib import Path

from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.application.ports import OutgoingEmail


class FileEmailSender:
    """One .eml file per e-mail, so a person can read a code without a mail server."""

    def __init__(self, folder: Path, renderer: EmailRenderer) -> None:
        self._folder, self._renderer = folder, renderer

    def send(self, email: OutgoingEmail) -> None:
        self._folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        path = self._folder / f"{stamp}-{uuid.uuid4().hex[:8]}.eml"
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(bytes(self._renderer.render(email)))
        temporary.rename(path)


class SmtpEmailSender:
    def __init__(
        self,
        renderer: EmailRenderer,
        host: str,
        port: int,
        username: str = "",
        password: str = "",
        starttls: bool = False,
        timeout: float = 10.0,
    ) -> None:
        self._renderer = renderer
        self._host, self._port, self._timeout = host, port, timeout
        self._username, self._password, self._starttls = username, password, starttls

    def send(self, email: OutgoingEmail) -> None:
        message = self._renderer.render(email)
        with smtplib.SMTP(self._host, self._port, timeout=self._timeout) as smtp:
            if self._starttls:
                smtp.starttls()
            if self._username:
                smtp.login(self._username, self._password)
            smtp.send_message(message)
