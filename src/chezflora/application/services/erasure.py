"""A deleted account's quotes: drafts (never seen by the shop) go; the others keep their status,
prices and dates for the shop's records, but their free text (the client's own words, often
names and places) is erased. Open ones simply expire with the daily job."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from chezflora.application.services.ports import ServicesUnitOfWork
from chezflora.application.unit_of_work import UnitOfWork

ERASED = "(compte supprimé)"


class QuotePersonalData:
    def erase(self, uow: UnitOfWork, user_id: int, now: datetime) -> None:
        quotes = cast(ServicesUnitOfWork, uow).quotes
        quotes.erase_client_text(user_id, ERASED, now)
