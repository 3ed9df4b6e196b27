"""Batch loaders shared by shopping reads: product cards and nested clients, by IN (...)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.photos import PRODUCT, UrlFor, photos_of
from chezflora.adapters.sqlalchemy.queries.promotions import valid_promotions
from chezflora.adapters.sqlalchemy.tables.catalogue import categories, products
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.application.pricing import PricedItem, quote_all
from chezflora.application.shopping.views import ClientBrief, ProductCard
from chezflora.domain.money import Money
from chezflora.domain.pricing import Promotion


class _Promotions:
    """`PromotionSource` on an open connection, so a page is priced inside its own reads."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        return valid_promotions(self._conn, items, now)


def product_cards(
    conn: Connection, product_ids: Iterable[int], now: datetime, url_for: UrlFor
) -> dict[int, ProductCard]:
    """Four statements whatever the count: products, photos, promotions and their links.
    Photo URLs come from `url_for` (the storage's), as in the catalogue."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    rows = conn.execute(
        sa.select(products, categories.c.nom.label("categorie_nom"))
        .join(categories, categories.c.id == products.c.categorie_id)
        .where(products.c.id.in_(ids))
    ).all()
    pictures = photos_of(conn, PRODUCT, [r.id for r in rows], url_for)
    items = [PricedItem(r.id, r.categorie_id, Money(r.prix)) for r in rows]
    quotes = quote_all(items, _Promotions(conn), now)
    return {
        r.id: ProductCard(
            id=r.id,
            name=r.nom,
            description=r.description,
            price=Money(r.prix),
            effective_price=quotes[r.id].effective,
            stock=r.stock,
            is_active=r.is_active,
            category_id=r.categorie_id,
            category_name=r.categorie_nom,
            photos=pictures[r.id],
        )
        for r in rows
    }


def client_briefs(conn: Connection, user_ids: Iterable[int]) -> dict[int, ClientBrief]:
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    rows = conn.execute(
        sa.select(users.c.id, users.c.username, users.c.email).where(users.c.id.in_(ids))
    )
    return {r.id: ClientBrief(r.id, r.username, r.email) for r in rows}
