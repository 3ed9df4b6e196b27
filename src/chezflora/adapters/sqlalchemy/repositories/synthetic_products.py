"""The `SyntheticProducts` port on the bulk catalogue inserts (catalogue_bulk.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.repositories.catalogue_bulk import (
    insert_synthetic_products,
    synthetic_count,
)


class SqlSyntheticProducts:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def count(self) -> int:
        return synthetic_count(self._engine)

    def insert(self, category_ids: list[int], start: int, count: int, now: datetime) -> None:
        insert_synthetic_products(self._engine, category_ids, start, count, now)
