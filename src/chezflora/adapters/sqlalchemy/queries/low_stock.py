"""The one low-stock condition in SQL, mirroring `domain.catalogue.is_low_stock`."""

from __future__ import annotations

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.catalogue import products


def is_low(threshold: int) -> sa.ColumnElement[bool]:
    """An active product whose stock is at or below SEUIL_STOCK_FAIBLE."""
    return sa.and_(products.c.is_active.is_(True), products.c.stock <= threshold)
