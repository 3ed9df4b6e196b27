"""Who may touch a quote: its client or an admin; other clients are told it does not exist."""

from __future__ import annotations

from chezflora.application.identity.authentication import Viewer
from chezflora.application.services.ports import ServicesUnitOfWork
from chezflora.domain.errors import NotFound
from chezflora.domain.quote import QUOTE_NOT_FOUND, Quote, Role


def load_quote(uow: ServicesUnitOfWork, quote_id: int, actor: Viewer) -> tuple[Quote, Role]:
    """The quote, locked for the transaction, and the caller's role on it."""
    quote = uow.quotes.get(quote_id, for_update=True)
    role = None if quote is None else quote.role_of(actor.user_id, actor.is_admin)
    if quote is None or role is None:
        raise NotFound(QUOTE_NOT_FOUND)
    return quote, role
