"""The catalogue read side (`CatalogueQueries`) on its own read connection per call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries import catalogue_promotions as promos
from chezflora.adapters.sqlalchemy.queries import catalogue_stats as stats
from chezflora.adapters.sqlalchemy.queries.catalogue_products import (
    affected_product_ids,
    load_products,
    product_id_page,
)
from chezflora.adapters.sqlalchemy.queries.photos import photo_view
from chezflora.adapters.sqlalchemy.tables.catalogue import photos
from chezflora.adapters.sqlalchemy.tables.identity import parameters
from chezflora.application.catalogue.views import (
    CategoryFilters,
    CategoryView,
    LowStockItem,
    PhotoView,
    ProductFilters,
    ProductRecord,
    ProductStats,
    PromotionFilters,
    PromotionRecord,
)
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest


class SqlCatalogueQueries:
    """`url_for` turns a storage name into the absolute URL clients fetch."""

    def __init__(self, engine: Engine, url_for: Callable[[str], str]) -> None:
        self._engine, self._url_for = engine, url_for

    def product_page(self, filters: ProductFilters, page: PageRequest) -> Page[ProductRecord]:
        with self._engine.connect() as conn:
            ids = product_id_page(conn, filters, page)
            found = load_products(conn, ids.items, self._url_for)
        by_id = {r.id: r for r in found}
        # Keep the page's order; a row deleted between the two reads is simply skipped.
        items = [by_id[i] for i in ids.items if i in by_id]
        return Page(items=items, total=ids.total, request=page)

    def products(self, product_ids: Iterable[int], include_inactive: bool) -> list[ProductRecord]:
        with self._engine.connect() as conn:
            return load_products(conn, product_ids, self._url_for, include_inactive)

    def affected_product_ids(self, promotion_id: int) -> list[int]:
        with self._engine.connect() as conn:
            return affected_product_ids(conn, promotion_id)

    def category_page(self, filters: CategoryFilters, page: PageRequest) -> Page[CategoryView]:
        with self._engine.connect() as conn:
            return promos.category_page(conn, filters, page)

    def category(self, category_id: int, include_inactive: bool) -> CategoryView | None:
        with self._engine.connect() as conn:
            return promos.category(conn, category_id, include_inactive)

    def promotion_page(
        self, filters: PromotionFilters, page: PageRequest, now: datetime
    ) -> Page[PromotionRecord]:
        with self._engine.connect() as conn:
            return promos.promotion_page(conn, filters, page, now)

    def promotion(self, promotion_id: int, valid_at: datetime | None) -> PromotionRecord | None:
        with self._engine.connect() as conn:
            return promos.promotion(conn, promotion_id, valid_at)

    def settings(self, keys: Iterable[str]) -> dict[str, str]:
        query = sa.select(parameters.c.cle, parameters.c.valeur).where(
            parameters.c.cle.in_(list(keys))
        )
        with self._engine.connect() as conn:
            return {row.cle: row.valeur for row in conn.execute(query)}

    def low_stock(
        self, threshold: int, options: ListOptions, page: PageRequest
    ) -> Page[LowStockItem]:
        with self._engine.connect() as conn:
            return stats.low_stock(conn, threshold, options, page)

    def product_stats(self, since: datetime, threshold: int) -> ProductStats:
        with self._engine.connect() as conn:
            return stats.product_stats(conn, since, threshold)

    def photos(self) -> list[PhotoView]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(photos).order_by(photos.c.id)).all()
        return [photo_view(r, self._url_for) for r in rows]

    def photo(self, photo_id: int) -> PhotoView | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(photos).where(photos.c.id == photo_id)).first()
        return None if row is None else photo_view(row, self._url_for)
