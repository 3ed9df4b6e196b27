"""Quotes (devis) in SQL ↔ `Quote`; the expiry job's conditional update."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.services import quotes
from chezflora.adapters.sqlalchemy.tables.shopping import addresses
from chezflora.domain.money import Money
from chezflora.domain.quote import EXPIRABLE, Quote, QuoteStatus

_EXPIRABLE = [status.value for status in EXPIRABLE]


def _money(value: Any) -> Money | None:
    return None if value is None else Money(value)


def quote_from_row(row: Any) -> Quote:
    return Quote(
        id=row.id,
        client_id=row.client_id,
        service_id=row.service_id,
        description=row.description,
        prix_demande=_money(row.prix_demande),
        statut=QuoteStatus(row.statut),
        prix_propose=_money(row.prix_propose),
        commentaire_admin=row.commentaire_admin,
        date_soumission=row.date_soumission,
        date_expiration=row.date_expiration,
        is_active=row.is_active,
        commande_id=row.commande_id,
    )


class SqlQuoteRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, quote_id: int, *, for_update: bool = False) -> Quote | None:
        query = sa.select(quotes).where(quotes.c.id == quote_id)
        row = self._conn.execute(query.with_for_update() if for_update else query).first()
        return None if row is None else quote_from_row(row)

    def add(self, quote: Quote, now: datetime) -> None:
        query = sa.insert(quotes).values(**self._values(quote, now), date_creation=now, version=1)
        quote.id = inserted_id(self._conn.execute(query))

    def save(self, quote: Quote, now: datetime) -> None:
        self._conn.execute(
            sa.update(quotes)
            .where(quotes.c.id == quote.id)
            .values(**self._values(quote, now), version=quotes.c.version + 1)
        )

    def delete(self, quote_id: int) -> None:
        self._conn.execute(sa.delete(quotes).where(quotes.c.id == quote_id))

    def due_for_expiry(self, now: datetime) -> list[int]:
        query = (
            sa.select(quotes.c.id)
            .where(quotes.c.statut.in_(_EXPIRABLE), quotes.c.date_expiration <= now)
            .order_by(quotes.c.date_expiration, quotes.c.id)
        )
        return [int(i) for i in self._conn.execute(query).scalars()]

    def expire(self, quote_id: int, now: datetime) -> bool:
        # Conditional: of two overlapping runs (or a run and the client's decision) only one
        # write matches; the loser sees 0 rows and sends nothing.
        result = self._conn.execute(
            sa.update(quotes)
            .where(
                quotes.c.id == quote_id,
                quotes.c.statut.in_(_EXPIRABLE),
                quotes.c.date_expiration <= now,
            )
            .values(
                statut=QuoteStatus.EXPIRE.value,
                date_mise_a_jour=now,
                version=quotes.c.version + 1,
            )
        )
        return result.rowcount == 1

    def erase_client_text(self, client_id: int, replacement: str, now: datetime) -> None:
        mine = quotes.c.client_id == client_id
        draft = quotes.c.statut == QuoteStatus.BROUILLON.value
        self._conn.execute(sa.delete(quotes).where(mine, draft))
        self._conn.execute(
            sa.update(quotes)
            .where(mine)
            .values(description=replacement, date_mise_a_jour=now, version=quotes.c.version + 1)
        )

    def delivery_address(self, client_id: int) -> int | None:
        query = (
            sa.select(addresses.c.id)
            .where(addresses.c.client_id == client_id)
            .order_by(addresses.c.is_default.desc(), addresses.c.id.desc())
            .limit(1)
        )
        value = self._conn.execute(query).scalar()
        return None if value is None else int(value)

    @staticmethod
    def _values(quote: Quote, now: datetime) -> dict[str, Any]:
        return {
            "client_id": quote.client_id,
            "service_id": quote.service_id,
            "description": quote.description,
            "statut": quote.statut.value,
            "prix_demande": None if quote.prix_demande is None else quote.prix_demande.amount,
            "prix_propose": None if quote.prix_propose is None else quote.prix_propose.amount,
            "commentaire_admin": quote.commentaire_admin,
            "date_soumission": quote.date_soumission,
            "date_expiration": quote.date_expiration,
            "is_active": quote.is_active,
            "commande_id": quote.commande_id,
            "date_mise_a_jour": now,
        }
