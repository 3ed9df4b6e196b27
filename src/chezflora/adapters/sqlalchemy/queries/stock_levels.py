"""Current stock of some products, for the stock laid over cached pages: one indexed query."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.tables.catalogue import products

_LEVELS = sa.select(products.c.id, products.c.stock).where(
    products.c.id.in_(sa.bindparam("ids", expanding=True))
)


class SqlStockLevels:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def stock_of(self, product_ids: list[int]) -> dict[int, int]:
        if not product_ids:
            return {}
        with self._engine.connect() as conn:
            rows = conn.execute(_LEVELS, {"ids": sorted(set(product_ids))})
            return {int(row.id): int(row.stock) for row in rows}
