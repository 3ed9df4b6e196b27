"""Products as shopping sees them; stock moves only through conditional updates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.change_tracking import UNTRACKED, note_stale
from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.product_rows import product_of
from chezflora.adapters.sqlalchemy.queries.photos import UrlFor
from chezflora.adapters.sqlalchemy.queries.promotions import valid_promotions
from chezflora.adapters.sqlalchemy.queries.shopping_products import (
    candidate_promotions,
    product_cards,
)
from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.application.pricing import PricedItem, PromotionSource
from chezflora.application.read_cache import STOCK, stock_namespace
from chezflora.application.shopping.rows import ToPrice, UnpricedCard
from chezflora.domain.catalogue import Product
from chezflora.domain.pricing import Promotion

# Only the columns a `Product` holds: each column more costs the driver its metadata to parse.
# One product (the usual cart) by a prepared statement, several by IN (...).
_INFO_COLUMNS = sa.select(
    products.c.id,
    products.c.nom,
    products.c.description,
    products.c.prix,
    products.c.stock,
    products.c.categorie_id,
    products.c.is_active,
)
_INFO = _INFO_COLUMNS.where(products.c.id.in_(sa.bindparam("ids", expanding=True)))
_ONE_INFO = Prepared(_INFO_COLUMNS.where(products.c.id == sa.bindparam("id")))
# Stock moves make stale only the cached pages showing those products (and pages filtered or
# ordered by stock), not the whole catalogue: see application/read_cache.py.
# Prepared: not reported by table (see prepared.py); `take` notes the stock it moved instead.
_TAKE = Prepared(
    sa.update(products)
    .where(products.c.id == sa.bindparam("product_id"), products.c.stock >= sa.bindparam("wanted"))
    .values(stock=products.c.stock - sa.bindparam("wanted"))
)
_PUT_BACK = (
    sa.update(products)
    .where(products.c.id == sa.bindparam("product_id"))
    .values(stock=products.c.stock + sa.bindparam("quantity"))
    .execution_options(**{UNTRACKED: True})
)


def _stale_stock(product_ids: Iterable[int]) -> set[str]:
    return {STOCK, *(stock_namespace(p) for p in product_ids)}


def _no_url(path: str) -> str:
    return path


class SqlStockRepository:
    """`promotions`: where candidate promotions come from (`CurrentPromotions` in the
    application, from memory); without one, a query on this transaction's connection."""

    def __init__(
        self,
        conn: Connection,
        url_for: UrlFor | None = None,
        promotions: PromotionSource | None = None,
    ) -> None:
        self._conn, self._url_for, self._promotions = conn, url_for or _no_url, promotions

    def cards(self, product_ids: Iterable[int], now: datetime) -> ToPrice[UnpricedCard]:
        # Unpriced, with their candidate promotions.
        found = list(product_cards(self._conn, product_ids, self._url_for).values())
        if self._promotions is None:
            return ToPrice.read_by_id(found, candidate_promotions(self._conn, found, now))
        promotions = self._promotions.valid_for([card.pricing_item() for card in found], now)
        return ToPrice.read_by_id(found, tuple(promotions))

    def products(self, product_ids: Iterable[int]) -> dict[int, Product]:
        ids = sorted(set(product_ids))
        if not ids:
            return {}
        rows: Iterable[Any]
        if len(ids) == 1:
            rows = _ONE_INFO.all(self._conn, {"id": ids[0]})
        else:
            rows = self._conn.execute(_INFO, {"ids": ids})
        return {row.id: product_of(row) for row in rows}

    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        if self._promotions is None:
            return valid_promotions(self._conn, items, now)
        return self._promotions.valid_for(items, now)

    def take(self, quantities: Mapping[int, int]) -> list[int]:
        # Always in product-id order: two checkouts sharing products lock them in the same order,
        # so they queue instead of deadlocking. The WHERE clause is the oversell guard.
        short: list[int] = []
        for product_id in sorted(quantities):
            wanted = quantities[product_id]
            result = _TAKE.run(self._conn, {"product_id": product_id, "wanted": wanted})
            if result.rowcount == 1:
                note_stale(self._conn, _stale_stock([product_id]))
            if result.rowcount != 1:
                short.append(product_id)
        return short

    def put_back(self, quantities: Mapping[int, int]) -> None:
        for product_id in sorted(quantities):
            self._conn.execute(
                _PUT_BACK, {"product_id": product_id, "quantity": quantities[product_id]}
            )
        note_stale(self._conn, _stale_stock(quantities))
