"""Bulk product inserts for large synthetic catalogues (executemany, one transaction)."""

from __future__ import annotations

import random
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.tables.catalogue import products

SYNTHETIC_PREFIX = "Article n°"
_BATCH = 2_000


def synthetic_count(engine: Engine) -> int:
    query = sa.select(sa.func.count()).where(products.c.nom.like(f"{SYNTHETIC_PREFIX}%"))
    with engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def insert_synthetic_products(
    engine: Engine, category_ids: list[int], start: int, count: int, now: datetime
) -> None:
    """Products numbered start+1 … start+count, spread over the categories, seeded randomness."""
    pick = random.Random(start)
    rows: list[dict[str, Any]] = [
        {
            "nom": f"{SYNTHETIC_PREFIX}{n:06d}",
            "description": "Article généré pour les essais de charge.",
            "prix": Decimal(pick.randrange(500, 50_000, 50)),
            "stock": pick.randrange(0, 200),
            "categorie_id": category_ids[n % len(category_ids)],
            "is_active": n % 20 != 0,
            "date_creation": now,
            "date_mise_a_jour": now,
        }
        for n in range(start + 1, start + count + 1)
    ]
    with engine.begin() as conn:
        for offset in range(0, len(rows), _BATCH):
            conn.execute(sa.insert(products), rows[offset : offset + _BATCH])
