"""Promotions from SQL: those valid for a set of products (two statements whatever its size),
and every promotion that can still apply (what `CurrentPromotions` keeps in memory)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.tables.catalogue import promotion_products, promotions
from chezflora.application.pricing import PricedItem
from chezflora.domain.pricing import Promotion

# Built once, at import: building these costs more than running them.
_VALID = sa.select(
    promotions.c.id,
    promotions.c.nom,
    promotions.c.reduction,
    promotions.c.date_debut,
    promotions.c.date_fin,
    promotions.c.is_active,
    promotions.c.categorie_id,
).where(
    promotions.c.is_active.is_(True),
    promotions.c.date_debut <= sa.bindparam("now"),
    promotions.c.date_fin >= sa.bindparam("now"),
    sa.or_(
        promotions.c.id.in_(
            sa.select(promotion_products.c.promotion_id).where(
                promotion_products.c.produit_id.in_(sa.bindparam("product_ids", expanding=True))
            )
        ),
        promotions.c.categorie_id.in_(sa.bindparam("category_ids", expanding=True)),
    ),
)
# Every promotion that can still apply: active and not ended (starting later included).
_CURRENT = sa.select(*_VALID.selected_columns).where(
    promotions.c.is_active.is_(True), promotions.c.date_fin >= sa.bindparam("now")
)
_LINKS = sa.select(promotion_products.c.promotion_id, promotion_products.c.produit_id).where(
    promotion_products.c.promotion_id.in_(sa.bindparam("promotion_ids", expanding=True))
)


def valid_promotions(
    conn: Connection, items: Iterable[PricedItem], now: datetime
) -> list[Promotion]:
    items = list(items)
    product_ids = {i.product_id for i in items}
    category_ids = {i.category_id for i in items if i.category_id is not None}
    if not product_ids:
        return []
    rows = conn.execute(
        _VALID,
        {"now": now, "product_ids": sorted(product_ids), "category_ids": sorted(category_ids)},
    ).all()
    links = _links(conn, [r.id for r in rows])
    return [to_promotion(r, links[r.id]) for r in rows]


def _links(conn: Connection, promotion_ids: list[int]) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    if promotion_ids:
        for row in conn.execute(_LINKS, {"promotion_ids": promotion_ids}):
            found[row.promotion_id].add(row.produit_id)
    return {pid: frozenset(found[pid]) for pid in promotion_ids}


def to_promotion(row: Any, product_ids: frozenset[int]) -> Promotion:
    return Promotion(
        id=row.id,
        nom=row.nom,
        reduction=row.reduction,
        date_debut=row.date_debut,
        date_fin=row.date_fin,
        is_active=row.is_active,
        categorie_id=row.categorie_id,
        produit_ids=product_ids,
    )


class SqlCurrentPromotions:
    """Every promotion active and not ended at `now`, with its products (two statements): what
    `CurrentPromotions` keeps in memory."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __call__(self, now: datetime) -> list[Promotion]:
        with self._engine.connect() as conn:
            rows = conn.execute(_CURRENT, {"now": now}).all()
            links = _links(conn, [r.id for r in rows])
        return [to_promotion(r, links[r.id]) for r in rows]


class SqlPromotionSource:
    """The `PromotionSource` port by a query on its own connection: the reference the in-memory
    `CurrentPromotions` (what the service prices with) is checked against."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        with self._engine.connect() as conn:
            return valid_promotions(conn, items, now)
