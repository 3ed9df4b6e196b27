"""Subscription lists, detail and stats in SQL: a page costs four statements whatever its size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.photos import PRODUCT, UrlFor, photos_of
from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.subscriptions import (
    subscription_products,
    subscriptions,
)
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.subscriptions.queries import (
    BasketLineView,
    SubscriptionFilters,
    SubscriptionStats,
    SubscriptionView,
    TypeCount,
)
from chezflora.domain.money import Money
from chezflora.domain.subscription import SubscriptionType

_BASE = sa.select(subscriptions, users.c.username.label("client_username")).join(
    users, users.c.id == subscriptions.c.client_id
)
_ORDERING = {
    "date_creation": subscriptions.c.date_creation,
    "date_debut": subscriptions.c.date_debut,
    "prix": subscriptions.c.prix,
    "type": subscriptions.c.type,
    "prochaine_livraison": subscriptions.c.prochaine_livraison,
    "id": subscriptions.c.id,
}


class SqlSubscriptionQueries:
    """`url_for` turns a photo's storage name into its absolute URL (the storage's `url`)."""

    def __init__(self, engine: Engine, url_for: UrlFor) -> None:
        self._engine, self._url_for = engine, url_for

    def find(
        self, filters: SubscriptionFilters, options: ListOptions, page: PageRequest
    ) -> Page[SubscriptionView]:
        query = _BASE
        if filters.client_id is not None:
            query = query.where(subscriptions.c.client_id == filters.client_id)
        if filters.type is not None:
            query = query.where(subscriptions.c.type == filters.type)
        query = search(query, options.search, [users.c.username, subscriptions.c.type])
        default = [subscriptions.c.date_creation.desc()]
        query = order(query, options.ordering, _ORDERING, default, subscriptions.c.id.desc())
        with self._engine.connect() as conn:
            rows = fetch_page(conn, query, page, lambda row: row)
            views = _views(conn, rows.items, self._url_for)
        return Page(items=views, total=rows.total, request=rows.request)

    def get(self, subscription_id: int, client_id: int | None = None) -> SubscriptionView | None:
        query = _BASE.where(subscriptions.c.id == subscription_id)
        if client_id is not None:
            query = query.where(subscriptions.c.client_id == client_id)
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
            return None if row is None else _views(conn, [row], self._url_for)[0]

    def stats(self, since: date) -> SubscriptionStats:
        active = subscriptions.c.is_active.is_(True)
        with self._engine.connect() as conn:
            totals = conn.execute(
                sa.select(
                    sa.func.count(),
                    sa.func.sum(sa.case((active, 1), else_=0)),
                    sa.func.sum(sa.case((active, subscriptions.c.prix), else_=0)),
                )
            ).one()
            grouped = conn.execute(
                sa.select(subscriptions.c.type, sa.func.count())
                .where(active, subscriptions.c.date_debut >= since)
                .group_by(subscriptions.c.type)
            ).all()
            by_type = {str(kind): int(total) for kind, total in grouped}
        return SubscriptionStats(
            total_abonnements=int(totals[0]),
            active_abonnements=int(totals[1] or 0),
            revenus=Money(Decimal(totals[2] or 0)),
            abonnements_by_type=tuple(
                TypeCount(kind.value, int(by_type.get(kind.value, 0))) for kind in SubscriptionType
            ),
        )


def _views(conn: Connection, rows: Sequence[Any], url_for: UrlFor) -> list[SubscriptionView]:
    """Batch-load the lines of these subscriptions and their products' photos (two queries)."""
    lines = _lines(conn, [row.id for row in rows], url_for)
    return [
        SubscriptionView(
            id=row.id,
            type=row.type,
            client_id=row.client_id,
            client_username=row.client_username,
            date_debut=row.date_debut,
            date_fin=row.date_fin,
            prix=Money(row.prix),
            paiement_statut=row.paiement_statut,
            is_active=row.is_active,
            prochaine_livraison=row.prochaine_livraison,
            prochaine_facturation=row.prochaine_facturation,
            date_creation=row.date_creation,
            date_mise_a_jour=row.date_mise_a_jour,
            lines=tuple(lines[row.id]),
        )
        for row in rows
    ]


def _lines(
    conn: Connection, subscription_ids: list[int], url_for: UrlFor
) -> dict[int, list[BasketLineView]]:
    found: dict[int, list[BasketLineView]] = defaultdict(list)
    if not subscription_ids:
        return found
    rows = conn.execute(
        sa.select(
            subscription_products.c.abonnement_id,
            subscription_products.c.quantite,
            products.c.id,
            products.c.nom,
            products.c.prix,
        )
        .join(products, products.c.id == subscription_products.c.produit_id)
        .where(subscription_products.c.abonnement_id.in_(subscription_ids))
        .order_by(subscription_products.c.abonnement_id, products.c.id)
    ).all()
    pictures = photos_of(conn, PRODUCT, sorted({row.id for row in rows}), url_for)
    for row in rows:
        found[row.abonnement_id].append(
            BasketLineView(row.id, row.nom, Money(row.prix), pictures[row.id], row.quantite)
        )
    return found
