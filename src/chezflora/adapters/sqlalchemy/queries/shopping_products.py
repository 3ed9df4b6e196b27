"""Batch loaders shared by shopping reads: unpriced product cards, their candidate
promotions and nested clients, by IN (...)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.queries.photos import PRODUCT, UrlFor
from chezflora.adapters.sqlalchemy.queries.promotions import valid_promotions
from chezflora.adapters.sqlalchemy.tables.catalogue import categories, photos, products
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.application.catalogue.views import PhotoView
from chezflora.application.shopping.rows import UnpricedCard
from chezflora.application.shopping.views import ClientBrief
from chezflora.domain.money import Money
from chezflora.domain.pricing import Promotion

# Built once, at import; only the columns a card shows, and the product's photos joined (one
# row per photo, one without photo). One product (a cart line being added or changed) is read
# by a prepared statement, several by IN (...).
_CARD_COLUMNS = (
    sa.select(
        products.c.id,
        products.c.nom,
        products.c.description,
        products.c.prix,
        products.c.stock,
        products.c.is_active,
        products.c.categorie_id,
        categories.c.nom.label("categorie_nom"),
        photos.c.id.label("photo_id"),
        photos.c.image.label("photo_image"),
        photos.c.uploaded_at.label("photo_uploaded_at"),
    )
    .join(categories, categories.c.id == products.c.categorie_id)
    .outerjoin(
        photos, sa.and_(photos.c.entity_type == PRODUCT, photos.c.entity_id == products.c.id)
    )
    .order_by(products.c.id, photos.c.id)
)
_CARDS = _CARD_COLUMNS.where(products.c.id.in_(sa.bindparam("ids", expanding=True)))
_ONE_CARD = Prepared(_CARD_COLUMNS.where(products.c.id == sa.bindparam("id")))
_CLIENTS = sa.select(users.c.id, users.c.username, users.c.email).where(
    users.c.id.in_(sa.bindparam("ids", expanding=True))
)


def product_cards(
    conn: Connection, product_ids: Iterable[int], url_for: UrlFor
) -> dict[int, UnpricedCard]:
    """One statement whatever the count: products with their photos (URLs from the storage's
    `url_for`, as in the catalogue). Prices are the catalogue's: `ShoppingReader` and the cart
    item actions price them."""
    ids = sorted(set(product_ids))
    if not ids:
        return {}
    if len(ids) == 1:
        rows = _ONE_CARD.all(conn, {"id": ids[0]})
    else:
        rows = list(conn.execute(_CARDS, {"ids": ids}))
    firsts: dict[int, Any] = {}
    pictures: dict[int, list[PhotoView]] = defaultdict(list)
    for r in rows:
        firsts.setdefault(r.id, r)
        if r.photo_id is not None:
            pictures[r.id].append(
                PhotoView(r.photo_id, url_for(r.photo_image), r.photo_uploaded_at, PRODUCT, r.id)
            )
    return {
        r.id: UnpricedCard(
            id=r.id,
            name=r.nom,
            description=r.description,
            price=Money(r.prix),
            stock=r.stock,
            is_active=r.is_active,
            category_id=r.categorie_id,
            category_name=r.categorie_nom,
            photos=tuple(pictures[r.id]),
        )
        for r in firsts.values()
    }


def candidate_promotions(
    conn: Connection, cards: Iterable[UnpricedCard], now: datetime
) -> tuple[Promotion, ...]:
    """The promotions valid at `now` for these products or their categories (two statements,
    none without products), on the connection that read the products."""
    return tuple(valid_promotions(conn, [card.pricing_item() for card in cards], now))


def client_briefs(conn: Connection, user_ids: Iterable[int]) -> dict[int, ClientBrief]:
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    rows = conn.execute(_CLIENTS, {"ids": ids})
    return {r.id: ClientBrief(r.id, r.username, r.email) for r in rows}
