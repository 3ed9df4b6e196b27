"""Catalogue rows written straight to the tables (the catalogue API is built on another branch)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.catalogue import (
    categories,
    products,
    promotion_products,
    promotions,
)
from tests.fakes import FakeClock

EPOCH = FakeClock().now()


def add_category(engine: Engine, nom: str = "Roses", *, is_active: bool = True) -> int:
    with engine.begin() as conn:
        return inserted_id(
            conn.execute(
                sa.insert(categories).values(
                    nom=nom, description=None, is_active=is_active, date_creation=EPOCH
                )
            )
        )


def add_product(
    engine: Engine,
    category_id: int,
    nom: str = "Bouquet",
    prix: str | Decimal = "1500.00",
    stock: int = 10,
    *,
    is_active: bool = True,
) -> int:
    with engine.begin() as conn:
        return inserted_id(
            conn.execute(
                sa.insert(products).values(
                    nom=nom,
                    description=f"{nom} frais du jour",
                    prix=Decimal(prix),
                    stock=stock,
                    categorie_id=category_id,
                    is_active=is_active,
                    date_creation=EPOCH,
                    date_mise_a_jour=EPOCH,
                )
            )
        )


def add_promotion(
    engine: Engine,
    nom: str,
    reduction: str | Decimal,
    *,
    product_ids: tuple[int, ...] = (),
    category_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    is_active: bool = True,
) -> int:
    with engine.begin() as conn:
        promotion_id = inserted_id(
            conn.execute(
                sa.insert(promotions).values(
                    nom=nom,
                    description=None,
                    reduction=Decimal(reduction),
                    date_debut=start or EPOCH - timedelta(days=1),
                    date_fin=end or EPOCH + timedelta(days=30),
                    categorie_id=category_id,
                    is_active=is_active,
                    date_creation=EPOCH,
                )
            )
        )
        for product_id in product_ids:
            conn.execute(
                sa.insert(promotion_products).values(
                    promotion_id=promotion_id, produit_id=product_id
                )
            )
    return promotion_id


def stock_of(engine: Engine, product_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.select(products.c.stock).where(products.c.id == product_id)
            ).scalar_one()
        )
