"""Product pages in a fixed number of statements: count, ids, rows, photos, promotion names.

The page of ids is read from `products` alone so the default order (by id, active only) walks
the index ix_products_active_id on MariaDB instead of sorting the joined rows (no filesort).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.product_rows import product_of
from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.photos import UrlFor, photos_of
from chezflora.adapters.sqlalchemy.tables.catalogue import (
    categories,
    products,
    promotion_products,
    promotions,
)
from chezflora.application.catalogue.views import (
    PhotoView,
    ProductFilters,
    ProductRecord,
    PromotionRef,
)
from chezflora.application.pagination import Page, PageRequest

ORDERING = {
    "prix": products.c.prix,
    "stock": products.c.stock,
    "date_creation": products.c.date_creation,
    "nom": products.c.nom,
    "id": products.c.id,
}


def product_conditions(filters: ProductFilters) -> list[sa.ColumnElement[bool]]:
    c, f = products.c, filters
    # `= true` rather than `IS true`: MariaDB only uses an index for the equality.
    found = [] if f.include_inactive else [c.is_active == sa.true()]
    if f.is_active is not None:
        found.append(c.is_active == sa.literal(f.is_active))
    if f.categorie is not None:
        found.append(c.categorie_id == f.categorie)
    if f.prix_min is not None:
        found.append(c.prix >= f.prix_min)
    if f.prix_max is not None:
        found.append(c.prix <= f.prix_max)
    if f.stock_min is not None:
        found.append(c.stock >= f.stock_min)
    if f.nom is not None:
        found.append(c.nom == f.nom)
    return found


def product_id_page(conn: Connection, filters: ProductFilters, page: PageRequest) -> Page[int]:
    query = sa.select(products.c.id).where(*product_conditions(filters))
    query = search(query, filters.options.search, [products.c.nom, products.c.description])
    query = order(query, filters.options.ordering, ORDERING, [], products.c.id)
    return fetch_page(conn, query, page, lambda row: int(row.id))


def load_products(
    conn: Connection, product_ids: Iterable[int], url_for: UrlFor, include_inactive: bool = True
) -> list[ProductRecord]:
    """Rows, photos and promotion names of `product_ids`, in three statements, in id order."""
    wanted = sorted(set(product_ids))
    if not wanted:
        return []
    query = (
        sa.select(products, categories.c.nom.label("categorie_nom"))
        .join(categories, categories.c.id == products.c.categorie_id)
        .where(products.c.id.in_(wanted))
        .order_by(products.c.id)
    )
    if not include_inactive:
        query = query.where(products.c.is_active == sa.true())
    rows = conn.execute(query).all()
    found = [r.id for r in rows]
    pictures = photos_of(conn, "produit", found, url_for)
    refs = _promotion_refs(conn, found)
    return [_record(r, pictures[r.id], refs[r.id]) for r in rows]


def _promotion_refs(
    conn: Connection, product_ids: list[int]
) -> dict[int, tuple[PromotionRef, ...]]:
    found: dict[int, list[PromotionRef]] = defaultdict(list)
    if product_ids:
        query = (
            sa.select(promotion_products.c.produit_id, promotions.c.id, promotions.c.nom)
            .join(promotions, promotions.c.id == promotion_products.c.promotion_id)
            .where(promotion_products.c.produit_id.in_(product_ids))
            .order_by(promotions.c.id)
        )
        for row in conn.execute(query):
            found[row.produit_id].append(PromotionRef(id=row.id, nom=row.nom))
    return {i: tuple(found[i]) for i in product_ids}


def _record(
    row: Any, pictures: tuple[PhotoView, ...], refs: tuple[PromotionRef, ...]
) -> ProductRecord:
    return ProductRecord(
        product=product_of(row),
        categorie_nom=row.categorie_nom,
        date_creation=row.date_creation,
        date_mise_a_jour=row.date_mise_a_jour,
        photos=pictures,
        promotions=refs,
    )


def affected_product_ids(conn: Connection, promotion_id: int) -> list[int]:
    linked = sa.select(promotion_products.c.produit_id.label("id")).where(
        promotion_products.c.promotion_id == promotion_id
    )
    in_category = (
        sa.select(products.c.id)
        .join(promotions, promotions.c.categorie_id == products.c.categorie_id)
        .where(promotions.c.id == promotion_id)
    )
    # UNION (not UNION ALL): a product both linked and in the category appears once.
    return sorted(int(i) for i in conn.execute(sa.union(linked, in_category)).scalars())
