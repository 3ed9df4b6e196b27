"""What the shopping SQL reads return before pricing: base prices and candidate promotions.

`ShoppingReader` turns them into the views (`views.py`) with the one pricing step, and the cart
item actions (`carts.py`) price the product card they answer with the same step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from chezflora.application.catalogue.views import PhotoView
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.pricing import PricedItem
from chezflora.application.shopping.views import ClientBrief, ProductCard
from chezflora.domain.money import Money
from chezflora.domain.pricing import Promotion

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class UnpricedCard:
    """A product as carts and wishlists show it, at its catalogue price only."""

    id: int
    name: str
    description: str
    price: Money
    stock: int
    is_active: bool
    category_id: int | None
    category_name: str | None
    photos: tuple[PhotoView, ...] = ()

    def pricing_item(self) -> PricedItem:
        return PricedItem(self.id, self.category_id, self.price)

    def priced(self, effective_price: Money) -> ProductCard:
        return ProductCard(
            id=self.id,
            name=self.name,
            description=self.description,
            price=self.price,
            effective_price=effective_price,
            stock=self.stock,
            is_active=self.is_active,
            category_id=self.category_id,
            category_name=self.category_name,
            photos=self.photos,
        )


@dataclass(frozen=True, slots=True)
class CartItemRow:
    id: int
    product: UnpricedCard
    quantity: int
    added_at: datetime


@dataclass(frozen=True, slots=True)
class CartRow:
    id: int
    client: ClientBrief
    items: list[CartItemRow]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class WishlistRow:
    id: int
    client: ClientBrief
    products: list[UnpricedCard]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ToPrice(Generic[T]):
    """A page read without prices and, from the same connection, the promotions valid at the
    `now` it was read for that are linked to one of its products or to their categories."""

    page: Page[T]
    promotions: tuple[Promotion, ...]

    @staticmethod
    def read_by_id(found: Sequence[T], promotions: Sequence[Promotion]) -> ToPrice[T]:
        """Rows read by id rather than by page (the products an item action shows): all of
        them, on one page."""
        everything = PageRequest(page=1, per_page=max(len(found), 1))
        return ToPrice(Page(found, len(found), everything), tuple(promotions))
