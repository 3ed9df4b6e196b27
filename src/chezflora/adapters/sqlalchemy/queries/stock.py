"""Stock levels for the low-stock alert: one statement."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.low_stock import is_low
from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.application.operations.stock_alert import StockLevel


class SqlLowStockQuery:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def below(self, threshold: int) -> list[StockLevel]:
        query = (
            sa.select(products.c.id, products.c.nom, products.c.stock)
            .where(is_low(threshold))
            .order_by(products.c.stock, products.c.nom, products.c.id)
        )
        with self._engine.connect() as conn:
            return [StockLevel(int(r.id), r.nom, int(r.stock)) for r in conn.execute(query)]
