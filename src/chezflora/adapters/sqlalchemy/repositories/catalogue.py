"""Catalogue aggregates in SQL: categories, products (with promotion links), promotions."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.change_tracking import note_stale
from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.product_rows import product_of
from chezflora.adapters.sqlalchemy.tables.catalogue import (
    categories,
    products,
    promotion_products,
    promotions,
)
from chezflora.application.catalogue.ports import PromotionDraft
from chezflora.application.read_cache import STOCK, stock_namespace
from chezflora.domain.catalogue import CATEGORY_NOT_EMPTY, PRODUCT_IN_USE, Category, Product
from chezflora.domain.errors import Conflict


def _existing(conn: Connection, column: sa.Column[Any], ids: Iterable[int]) -> set[int]:
    wanted = set(ids)
    if not wanted:
        return set()
    return set(conn.execute(sa.select(column).where(column.in_(wanted))).scalars())


class SqlCategoryRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, category_id: int) -> Category | None:
        row = self._conn.execute(
            sa.select(categories).where(categories.c.id == category_id)
        ).first()
        if row is None:
            return None
        return Category(
            id=row.id, name=row.nom, description=row.description or "", is_active=row.is_active
        )

    def id_by_name(self, name: str) -> int | None:
        query = sa.select(categories.c.id).where(categories.c.nom == name)
        return self._conn.execute(query).scalar_one_or_none()

    def add(self, category: Category, now: datetime) -> int:
        values = self._values(category) | {"date_creation": now}
        return inserted_id(self._conn.execute(sa.insert(categories).values(**values)))

    def save(self, category: Category) -> None:
        self._conn.execute(
            sa.update(categories)
            .where(categories.c.id == category.id)
            .values(**self._values(category))
        )

    def delete(self, category_id: int) -> None:
        # The foreign key is RESTRICT: a product inserted meanwhile makes the delete fail.
        try:
            self._conn.execute(sa.delete(categories).where(categories.c.id == category_id))
        except sa.exc.IntegrityError:
            raise Conflict(CATEGORY_NOT_EMPTY) from None

    def product_count(self, category_id: int) -> int:
        query = sa.select(sa.func.count()).where(products.c.categorie_id == category_id)
        return int(self._conn.execute(query).scalar_one())

    @staticmethod
    def _values(c: Category) -> dict[str, Any]:
        return {"nom": c.name, "description": c.description, "is_active": c.is_active}


class SqlProductRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, product_id: int) -> Product | None:
        row = self._conn.execute(sa.select(products).where(products.c.id == product_id)).first()
        if row is None:
            return None
        return product_of(row)

    def add(self, product: Product, now: datetime) -> int:
        values = self._values(product) | {"date_creation": now, "date_mise_a_jour": now}
        return inserted_id(self._conn.execute(sa.insert(products).values(**values)))

    def save(self, product: Product, now: datetime) -> None:
        values = self._values(product) | {"date_mise_a_jour": now}
        self._conn.execute(sa.update(products).where(products.c.id == product.id).values(**values))
        # Its stock may have moved: the levels kept per process (`FreshStock`) are read again.
        note_stale(self._conn, {STOCK, stock_namespace(product.id)})

    def delete(self, product_id: int) -> None:
        # Subscription lines refer to products without ON DELETE: keep the subscription intact.
        try:
            self._conn.execute(sa.delete(products).where(products.c.id == product_id))
        except sa.exc.IntegrityError:
            raise Conflict(PRODUCT_IN_USE) from None

    def existing_ids(self, product_ids: Iterable[int]) -> set[int]:
        return _existing(self._conn, products.c.id, product_ids)

    def set_promotions(self, product_id: int, promotion_ids: Iterable[int]) -> None:
        link = promotion_products
        self._conn.execute(sa.delete(link).where(link.c.produit_id == product_id))
        rows = [{"promotion_id": p, "produit_id": product_id} for p in sorted(promotion_ids)]
        if rows:
            self._conn.execute(sa.insert(link), rows)

    @staticmethod
    def _values(p: Product) -> dict[str, Any]:
        return {
            "nom": p.name,
            "description": p.description,
            "prix": p.price.amount,
            "stock": p.stock,
            "categorie_id": p.category_id,
            "is_active": p.is_active,
        }


class SqlPromotionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, promotion_id: int) -> PromotionDraft | None:
        row = self._conn.execute(
            sa.select(promotions).where(promotions.c.id == promotion_id)
        ).first()
        if row is None:
            return None
        links = sa.select(promotion_products.c.produit_id).where(
            promotion_products.c.promotion_id == promotion_id
        )
        return PromotionDraft(
            name=row.nom,
            description=row.description,
            reduction=row.reduction,
            starts_at=row.date_debut,
            ends_at=row.date_fin,
            category_id=row.categorie_id,
            product_ids=frozenset(self._conn.execute(links).scalars()),
            is_active=row.is_active,
        )

    def id_by_name(self, name: str) -> int | None:
        query = sa.select(promotions.c.id).where(promotions.c.nom == name)
        return self._conn.execute(query).scalar_one_or_none()

    def add(self, draft: PromotionDraft, now: datetime) -> int:
        values = self._values(draft) | {"date_creation": now}
        promotion_id = inserted_id(self._conn.execute(sa.insert(promotions).values(**values)))
        self._link(promotion_id, draft.product_ids)
        return promotion_id

    def save(self, promotion_id: int, draft: PromotionDraft) -> None:
        self._conn.execute(
            sa.update(promotions)
            .where(promotions.c.id == promotion_id)
            .values(**self._values(draft))
        )
        self._conn.execute(
            sa.delete(promotion_products).where(promotion_products.c.promotion_id == promotion_id)
        )
        self._link(promotion_id, draft.product_ids)

    def delete(self, promotion_id: int) -> None:
        self._conn.execute(sa.delete(promotions).where(promotions.c.id == promotion_id))

    def existing_ids(self, promotion_ids: Iterable[int]) -> set[int]:
        return _existing(self._conn, promotions.c.id, promotion_ids)

    def _link(self, promotion_id: int, product_ids: Iterable[int]) -> None:
        rows = [{"promotion_id": promotion_id, "produit_id": p} for p in sorted(product_ids)]
        if rows:
            self._conn.execute(sa.insert(promotion_products), rows)

    @staticmethod
    def _values(d: PromotionDraft) -> dict[str, Any]:
        return {
            "nom": d.name,
            "description": d.description,
            "reduction": d.reduction,
            "date_debut": d.starts_at,
            "date_fin": d.ends_at,
            "categorie_id": d.category_id,
            "is_active": d.is_active,
        }
