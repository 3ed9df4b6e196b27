"""The catalogue read side: pages and details, priced with the one rule (quote_all)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from chezflora.application.catalogue.views import (
    CatalogueQueries,
    CategoryFilters,
    CategoryView,
    LowStockReport,
    PhotoView,
    ProductFilters,
    ProductRecord,
    ProductStats,
    ProductView,
    PromotionFilters,
    PromotionRecord,
    PromotionView,
)
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest, replace_items
from chezflora.application.pricing import PricedItem, PromotionSource, quote_all
from chezflora.domain.catalogue import CATEGORY_NOT_FOUND, PRODUCT_NOT_FOUND, PROMOTION_NOT_FOUND
from chezflora.domain.errors import NotFound
from chezflora.domain.parameter import LOW_STOCK_THRESHOLD, int_setting
from chezflora.domain.photo import PHOTO_NOT_FOUND

_THRESHOLD_MAX = 1_000_000


class CatalogueReader:
    """Every shown price goes through `quote_all` (the promotions, then `price_all`: the step
    cart reads and checkout use too).

    Pure function of its arguments and the database: a cache may sit in front of it, keyed by
    the arguments (`now` rounded by the cache to its own granularity).
    """

    def __init__(self, queries: CatalogueQueries, promotions: PromotionSource) -> None:
        self._queries, self._promotions = queries, promotions

    def list_products(
        self, filters: ProductFilters, page: PageRequest, now: datetime
    ) -> Page[ProductView]:
        found = self._queries.product_page(filters, page)
        return replace_items(found, self.priced(found.items, now))

    def product_detail(
        self, product_id: int, now: datetime, *, include_inactive: bool = False
    ) -> ProductView:
        records = self._queries.products([product_id], include_inactive)
        if not records:
            raise NotFound(PRODUCT_NOT_FOUND)
        return self.priced(records, now)[0]

    def priced(self, records: Sequence[ProductRecord], now: datetime) -> list[ProductView]:
        items = [PricedItem(r.id, r.categorie_id, r.prix) for r in records]
        quotes = quote_all(items, self._promotions, now)
        return [ProductView(record=r, prix_reduit=quotes[r.id].effective) for r in records]

    def list_categories(self, filters: CategoryFilters, page: PageRequest) -> Page[CategoryView]:
        return self._queries.category_page(filters, page)

    def category_detail(self, category_id: int, *, include_inactive: bool) -> CategoryView:
        found = self._queries.category(category_id, include_inactive)
        if found is None:
            raise NotFound(CATEGORY_NOT_FOUND)
        return found

    def list_promotions(
        self, filters: PromotionFilters, page: PageRequest, now: datetime
    ) -> Page[PromotionView]:
        found = self._queries.promotion_page(filters, page, now)
        return replace_items(found, self._with_products(found.items, now, not filters.valid_only))

    def promotion_detail(
        self, promotion_id: int, now: datetime, *, include_all: bool
    ) -> PromotionView:
        return self._with_products(
            [self._promotion(promotion_id, now, include_all)], now, include_all
        )[0]

    def affected_products(
        self, promotion_id: int, now: datetime, *, include_all: bool
    ) -> list[ProductView]:
        """Linked products and the products of its category, once each (admins: inactive too)."""
        self._promotion(promotion_id, now, include_all)
        ids = self._queries.affected_product_ids(promotion_id)
        return self.priced(self._queries.products(ids, include_all), now)

    def low_stock(self, options: ListOptions, page: PageRequest) -> LowStockReport:
        seuil = self.threshold()
        return LowStockReport(seuil=seuil, items=self._queries.low_stock(seuil, options, page))

    def stats(self, days: int, now: datetime) -> ProductStats:
        return self._queries.product_stats(now - timedelta(days=days), self.threshold())

    def threshold(self) -> int:
        values = self._queries.settings([LOW_STOCK_THRESHOLD])
        return int_setting(values, LOW_STOCK_THRESHOLD, 0, _THRESHOLD_MAX)

    def photos(self) -> list[PhotoView]:
        return self._queries.photos()

    def photo(self, photo_id: int) -> PhotoView:
        found = self._queries.photo(photo_id)
        if found is None:
            raise NotFound(PHOTO_NOT_FOUND)
        return found

    def _promotion(self, promotion_id: int, now: datetime, include_all: bool) -> PromotionRecord:
        found = self._queries.promotion(promotion_id, None if include_all else now)
        if found is None:
            raise NotFound(PROMOTION_NOT_FOUND)
        return found

    def _with_products(
        self, records: Sequence[PromotionRecord], now: datetime, include_inactive: bool
    ) -> list[PromotionView]:
        wanted = {pid for r in records for pid in r.produit_ids}
        priced = {
            v.record.id: v
            for v in self.priced(self._queries.products(wanted, include_inactive), now)
        }
        return [
            PromotionView(record=r, produits=tuple(priced[p] for p in r.produit_ids if p in priced))
            for r in records
        ]
