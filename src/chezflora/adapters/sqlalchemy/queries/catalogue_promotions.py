"""Category and promotion reads (bounded: count, page, then one IN query per child kind)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.tables.catalogue import (
    categories,
    products,
    promotion_products,
    promotions,
)
from chezflora.application.catalogue.views import (
    CategoryFilters,
    CategoryView,
    PromotionFilters,
    PromotionRecord,
)
from chezflora.application.pagination import Page, PageRequest

_PRODUCT_COUNT = (
    sa.select(sa.func.count())
    .where(products.c.categorie_id == categories.c.id)
    .correlate(categories)
    .scalar_subquery()
    .label("produits_count")
)
_CATEGORIES = sa.select(categories, _PRODUCT_COUNT)


def category_view(row: Any) -> CategoryView:
    return CategoryView(
        id=row.id,
        nom=row.nom,
        description=row.description,
        is_active=row.is_active,
        date_creation=row.date_creation,
        produits_count=int(row.produits_count),
    )


def category_page(
    conn: Connection, filters: CategoryFilters, page: PageRequest
) -> Page[CategoryView]:
    query = _CATEGORIES
    if not filters.include_inactive:
        query = query.where(categories.c.is_active == sa.true())
    if filters.is_active is not None:
        query = query.where(categories.c.is_active == sa.literal(filters.is_active))
    if filters.nom is not None:
        query = query.where(categories.c.nom == filters.nom)
    query = search(query, filters.options.search, [categories.c.nom])
    allowed = {"nom": categories.c.nom, "date_creation": categories.c.date_creation}
    query = order(query, filters.options.ordering, allowed, [], categories.c.id)
    return fetch_page(conn, query, page, category_view)


def category(conn: Connection, category_id: int, include_inactive: bool) -> CategoryView | None:
    query = _CATEGORIES.where(categories.c.id == category_id)
    if not include_inactive:
        query = query.where(categories.c.is_active == sa.true())
    row = conn.execute(query).first()
    return None if row is None else category_view(row)


def _valid_at(now: datetime) -> list[sa.ColumnElement[bool]]:
    return [
        promotions.c.is_active == sa.true(),
        promotions.c.date_debut <= now,
        promotions.c.date_fin >= now,
    ]


def promotion_page(
    conn: Connection, filters: PromotionFilters, page: PageRequest, now: datetime
) -> Page[PromotionRecord]:
    query = sa.select(promotions)
    if filters.valid_only:
        query = query.where(*_valid_at(now))
    if filters.status == "active":
        query = query.where(promotions.c.date_debut <= now, promotions.c.date_fin >= now)
    elif filters.status == "expired":
        query = query.where(promotions.c.date_fin < now)
    if filters.is_active is not None:
        query = query.where(promotions.c.is_active == sa.literal(filters.is_active))
    if filters.nom is not None:
        query = query.where(promotions.c.nom == filters.nom)
    query = search(query, filters.options.search, [promotions.c.nom, promotions.c.description])
    allowed = {
        "nom": promotions.c.nom,
        "date_debut": promotions.c.date_debut,
        "date_fin": promotions.c.date_fin,
    }
    query = order(query, filters.options.ordering, allowed, [], promotions.c.id)
    found = fetch_page(conn, query, page, lambda row: row)
    return Page(items=records(conn, found.items), total=found.total, request=page)


def promotion(
    conn: Connection, promotion_id: int, valid_at: datetime | None
) -> PromotionRecord | None:
    query = sa.select(promotions).where(promotions.c.id == promotion_id)
    if valid_at is not None:
        query = query.where(*_valid_at(valid_at))
    rows = conn.execute(query).all()
    found = records(conn, rows)
    return found[0] if found else None


def records(conn: Connection, rows: Iterable[Any]) -> list[PromotionRecord]:
    rows = list(rows)
    ids = [r.id for r in rows]
    links: dict[int, list[int]] = defaultdict(list)
    if ids:
        query = (
            sa.select(promotion_products)
            .where(promotion_products.c.promotion_id.in_(ids))
            .order_by(promotion_products.c.produit_id)
        )
        for link in conn.execute(query):
            links[link.promotion_id].append(link.produit_id)
    wanted = {r.categorie_id for r in rows if r.categorie_id is not None}
    cats: dict[int, CategoryView] = {}
    if wanted:
        query = _CATEGORIES.where(categories.c.id.in_(wanted))
        cats = {row.id: category_view(row) for row in conn.execute(query)}
    return [
        PromotionRecord(
            id=r.id,
            nom=r.nom,
            description=r.description,
            reduction=r.reduction,
            date_debut=r.date_debut,
            date_fin=r.date_fin,
            categorie=cats.get(r.categorie_id) if r.categorie_id is not None else None,
            produit_ids=tuple(links[r.id]),
            is_active=r.is_active,
            date_creation=r.date_creation,
        )
        for r in rows
    ]
