"""The public contact form (throttled per IP)."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.params import JSONBody

from chezflora.application.contact import SendContactMessage
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.throttle import Throttle
from chezflora.entrypoints.http.wire.identity import Body, StatusOut


class ContactIn(Body):
    name: str | None = None
    email: str | None = None
    message: str | None = None


@post("/api/contact/", status_code=200, tags=["contact"])
@blocking
def contact(
    request: Request[Any, Any, Any],
    data: JSONBody[ContactIn],
    send_contact_message: Injected[SendContactMessage],
    throttle: Injected[Throttle],
) -> StatusOut:
    """Send a message to the shop's support address."""
    throttle("contact")
    send_contact_message(data.name, data.email, data.message)
    return StatusOut(status="Message envoyé avec succès.")


ROUTES = [contact]
