"""Read models of the catalogue (plain values a cache can keep) and the read-side query port."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal, Protocol

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.catalogue import Product
from chezflora.domain.money import Money


@dataclass(frozen=True, slots=True)
class CategoryView:
    id: int
    nom: str
    description: str | None
    is_active: bool
    date_creation: datetime
    produits_count: int


@dataclass(frozen=True, slots=True)
class PhotoView:
    id: int
    image: str  # absolute URL
    uploaded_at: datetime
    entity_type: str
    entity_id: int


@dataclass(frozen=True, slots=True)
class PromotionRef:
    id: int
    nom: str


@dataclass(frozen=True, slots=True)
class ProductRecord:
    """A product (as the repositories read it) with its children, before pricing."""

    product: Product
    categorie_nom: str
    date_creation: datetime
    date_mise_a_jour: datetime
    photos: tuple[PhotoView, ...]
    promotions: tuple[PromotionRef, ...]

    # The product's own fields, under the names the catalogue's readers use.
    @property
    def id(self) -> int:
        return self.product.id

    @property
    def nom(self) -> str:
        return self.product.name

    @property
    def description(self) -> str:
        return self.product.description

    @property
    def prix(self) -> Money:
        return self.product.price

    @property
    def stock(self) -> int:
        return self.product.stock

    @property
    def categorie_id(self) -> int:
        return self.product.category_id

    @property
    def is_active(self) -> bool:
        return self.product.is_active


@dataclass(frozen=True, slots=True)
class ProductView:
    record: ProductRecord
    prix_reduit: Money


@dataclass(frozen=True, slots=True)
class PromotionRecord:
    id: int
    nom: str
    description: str | None
    reduction: Decimal
    date_debut: datetime
    date_fin: datetime
    categorie: CategoryView | None
    produit_ids: tuple[int, ...]
    is_active: bool
    date_creation: datetime


@dataclass(frozen=True, slots=True)
class PromotionView:
    record: PromotionRecord
    produits: tuple[ProductView, ...]


@dataclass(frozen=True, slots=True)
class LowStockItem:
    id: int
    nom: str
    stock: int
    categorie_nom: str


@dataclass(frozen=True, slots=True)
class LowStockReport:
    seuil: int
    items: Page[LowStockItem]


@dataclass(frozen=True, slots=True)
class ProductSales:
    produit_id: int | None
    nom: str
    total_sales: Money


@dataclass(frozen=True, slots=True)
class CategoryStock:
    categorie_nom: str
    total_stock: int


@dataclass(frozen=True, slots=True)
class ProductStats:
    total_products: int
    active_products: int
    low_stock_products: int
    total_sales: Money
    sales_by_product: tuple[ProductSales, ...]
    stock_by_category: tuple[CategoryStock, ...]
    low_stock_details: tuple[LowStockItem, ...]


@dataclass(frozen=True, slots=True)
class ProductFilters:
    include_inactive: bool = False
    is_active: bool | None = None
    categorie: int | None = None
    prix_min: Decimal | None = None
    prix_max: Decimal | None = None
    stock_min: int | None = None
    nom: str | None = None
    options: ListOptions = field(default_factory=ListOptions)


@dataclass(frozen=True, slots=True)
class CategoryFilters:
    include_inactive: bool = False
    is_active: bool | None = None
    nom: str | None = None
    options: ListOptions = field(default_factory=ListOptions)


@dataclass(frozen=True, slots=True)
class PromotionFilters:
    valid_only: bool = True
    status: Literal["active", "expired"] | None = None
    is_active: bool | None = None
    nom: str | None = None
    options: ListOptions = field(default_factory=ListOptions)


class CatalogueQueries(Protocol):
    """Bounded reads: each method runs a fixed number of statements whatever the page size."""

    def product_page(self, filters: ProductFilters, page: PageRequest) -> Page[ProductRecord]: ...
    def products(self, product_ids: Iterable[int], include_inactive: bool) -> list[ProductRecord]:
        """The visible products among `product_ids`, in id order."""
        ...

    def affected_product_ids(self, promotion_id: int) -> list[int]:
        """Linked products and products of the promotion's category, once each."""
        ...

    def category_page(self, filters: CategoryFilters, page: PageRequest) -> Page[CategoryView]: ...
    def category(self, category_id: int, include_inactive: bool) -> CategoryView | None: ...
    def promotion_page(
        self, filters: PromotionFilters, page: PageRequest, now: datetime
    ) -> Page[PromotionRecord]: ...
    def promotion(self, promotion_id: int, valid_at: datetime | None) -> PromotionRecord | None: ...
    def settings(self, keys: Iterable[str]) -> dict[str, str]: ...
    def low_stock(
        self, threshold: int, options: ListOptions, page: PageRequest
    ) -> Page[LowStockItem]: ...
    def product_stats(self, since: datetime, threshold: int) -> ProductStats: ...
    def photos(self) -> list[PhotoView]: ...
    def photo(self, photo_id: int) -> PhotoView | None: ...
