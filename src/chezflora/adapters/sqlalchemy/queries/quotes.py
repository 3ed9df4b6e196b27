"""Quote lists, detail and statistics in SQL: a page costs two statements whatever its size."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.services import quotes, services
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.services.queries import (
    NamedCount,
    QuoteFilters,
    QuoteStats,
    QuoteView,
    ServiceBriefView,
)
from chezflora.domain.money import Money, round_half_up

QUOTE_BASE = (
    sa.select(
        quotes,
        users.c.username.label("client_username"),
        services.c.nom.label("service_nom"),
        services.c.description.label("service_description"),
        services.c.is_active.label("service_is_active"),
        services.c.date_creation.label("service_date_creation"),
    )
    .join(users, users.c.id == quotes.c.client_id)
    .join(services, services.c.id == quotes.c.service_id)
)
_ORDERING = {
    "date_creation": quotes.c.date_creation,
    "date_soumission": quotes.c.date_soumission,
    "statut": quotes.c.statut,
    "prix_propose": quotes.c.prix_propose,
    "id": quotes.c.id,
}


def _money(value: Any) -> Money | None:
    return None if value is None else Money(value)


def quote_view(row: Any) -> QuoteView:
    return QuoteView(
        id=row.id,
        client_id=row.client_id,
        client_username=row.client_username,
        service=ServiceBriefView(
            id=row.service_id,
            nom=row.service_nom,
            description=row.service_description,
            is_active=row.service_is_active,
            date_creation=row.service_date_creation,
        ),
        description=row.description,
        statut=row.statut,
        prix_demande=_money(row.prix_demande),
        prix_propose=_money(row.prix_propose),
        commentaire_admin=row.commentaire_admin,
        date_creation=row.date_creation,
        date_soumission=row.date_soumission,
        date_expiration=row.date_expiration,
        date_mise_a_jour=row.date_mise_a_jour,
        is_active=row.is_active,
        commande_id=row.commande_id,
    )


def find_quotes(
    conn: Connection, filters: QuoteFilters, options: ListOptions, page: PageRequest
) -> Page[QuoteView]:
    query = QUOTE_BASE
    conditions = {
        quotes.c.client_id: filters.client_id,
        quotes.c.statut: filters.statut,
        quotes.c.service_id: filters.service_id,
        users.c.username: filters.client_username,
        quotes.c.is_active: filters.is_active,
    }
    for column, value in conditions.items():
        if value is not None:
            query = query.where(column == value)
    if filters.client is not None:
        query = query.where(quotes.c.client_id == filters.client)
    query = search(query, options.search, [quotes.c.description, services.c.nom, users.c.username])
    default = [quotes.c.date_creation.desc()]
    query = order(query, options.ordering, _ORDERING, default, quotes.c.id.desc())
    return fetch_page(conn, query, page, quote_view)


def get_quote(conn: Connection, quote_id: int, client_id: int | None) -> QuoteView | None:
    query = QUOTE_BASE.where(quotes.c.id == quote_id)
    if client_id is not None:
        query = query.where(quotes.c.client_id == client_id)
    row = conn.execute(query).first()
    return None if row is None else quote_view(row)


def quote_stats(conn: Connection) -> QuoteStats:
    total, average = conn.execute(
        sa.select(sa.func.count(), sa.func.avg(quotes.c.prix_propose))
    ).one()
    by_status = conn.execute(
        sa.select(quotes.c.statut, sa.func.count())
        .group_by(quotes.c.statut)
        .order_by(sa.func.count().desc(), quotes.c.statut)
    ).all()
    return QuoteStats(
        total_devis=int(total),
        devis_par_statut=tuple(NamedCount(str(s), int(n)) for s, n in by_status),
        # SQLite's AVG is a float: read it through its text, never through float arithmetic.
        moyenne_prix_propose=Money(round_half_up(Decimal(str(average or 0)))),
    )
