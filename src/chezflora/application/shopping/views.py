"""Read-side results of shopping: plain values the HTTP layer shapes into the French wire."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.application.catalogue.views import PhotoView
from chezflora.domain.money import Money


@dataclass(frozen=True, slots=True)
class ClientBrief:
    id: int
    username: str
    email: str


@dataclass(frozen=True, slots=True)
class ProductCard:
    """A product as carts and wishlists show it, priced by the one rule (shown == charged)."""

    id: int
    name: str
    description: str
    price: Money
    effective_price: Money
    stock: int
    is_active: bool
    category_id: int | None
    category_name: str | None
    photos: tuple[PhotoView, ...] = ()


@dataclass(frozen=True, slots=True)
class CartItemView:
    id: int
    cart_id: int
    product: ProductCard
    quantity: int
    added_at: datetime


@dataclass(frozen=True, slots=True)
class CartView:
    id: int
    client: ClientBrief
    items: list[CartItemView]
    created_at: datetime
    updated_at: datetime
    total: Money


@dataclass(frozen=True, slots=True)
class AddressView:
    id: int
    client: ClientBrief
    nom: str
    rue: str
    ville: str
    code_postal: str
    pays: str
    is_default: bool


@dataclass(frozen=True, slots=True)
class OrderLineView:
    id: int
    order_id: int
    product_id: int | None
    product_name: str
    quantity: int
    unit_price: Money
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PaymentView:
    id: int
    payer: ClientBrief
    kind: str
    amount: Money
    status: str
    order_id: int | None
    subscription_id: int | None
    workshop_id: int | None
    created_at: datetime
    updated_at: datetime
    details: str | None
    method: str | None
    is_active: bool


@dataclass(frozen=True, slots=True)
class OrderView:
    id: int
    client: ClientBrief
    placed_at: datetime
    status: str
    total: Money
    lines: list[OrderLineView]
    is_active: bool
    updated_at: datetime
    address: AddressView | None
    payment: PaymentView | None


@dataclass(frozen=True, slots=True)
class WishlistView:
    id: int
    client: ClientBrief
    products: list[ProductCard]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class OrderFilters:
    status: str | None = None
    client_id: int | None = None
    placed_from: datetime | None = None
    placed_until: datetime | None = None
    is_active: bool | None = None


@dataclass(frozen=True, slots=True)
class PaymentFilters:
    kind: str | None = None
    status: str | None = None
    method: str | None = None
    since: datetime | None = None
    is_active: bool | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose rows a caller sees: `owner_id` None means everyone's (admins)."""

    owner_id: int | None
    viewer_id: int

    @classmethod
    def of(cls, user_id: int, is_admin: bool) -> Scope:
        return cls(owner_id=None if is_admin else user_id, viewer_id=user_id)
