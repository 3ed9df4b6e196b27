"""The public contact form (throttled per IP)."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.di import NamedDependency
from litestar.params import JSONBody

from chezflora.bootstrap import Container
from chezflora.entrypoints.http.auth import throttle
from chezflora.entrypoints.http.blocking import blocking
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
    container: NamedDependency[Container],
) -> StatusOut:
    """Send a message to the shop's support address."""
    throttle(request, container, "contact")
    container.send_contact_message(data.name, data.email, data.message)
    return StatusOut(status="Message envoyé avec succès.")


ROUTES = [contact]
