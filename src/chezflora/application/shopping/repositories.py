"""What shopping needs from storage: one repository per aggregate, bound to a unit of work."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Protocol

from chezflora.application.pricing import PricedItem
from chezflora.application.shopping.rows import ToPrice, UnpricedCard
from chezflora.domain.address import Address
from chezflora.domain.cart import Cart
from chezflora.domain.catalogue import Product
from chezflora.domain.idempotency import StoredResponse
from chezflora.domain.order import Order, OrderStatus
from chezflora.domain.payment import Payment, PaymentStatus
from chezflora.domain.pricing import Promotion


class DeliveryAlreadyGenerated(Exception):
    """The order of this (subscription, delivery date) exists: the database refused a second."""


class StockRepository(Protocol):
    """Products as shopping sees them; stock only moves through conditional updates."""

    def products(self, product_ids: Iterable[int]) -> dict[int, Product]: ...
    def cards(self, product_ids: Iterable[int], now: datetime) -> ToPrice[UnpricedCard]:
        """Products as carts show them (category, photos, stock) at their catalogue price, with
        the promotions valid at `now` linked to them or their categories, read on this
        transaction's connection; the caller prices them (`reading.priced_cards`)."""
        ...

    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        """The `PromotionSource` port on this transaction's connection."""
        ...

    def take(self, quantities: Mapping[int, int]) -> list[int]:
        """Decrement each stock if enough is left, in product-id order; the ids that were short."""
        ...

    def put_back(self, quantities: Mapping[int, int]) -> None: ...


class CartRepository(Protocol):
    def for_client(self, client_id: int) -> Cart | None: ...
    def lock(self, client_id: int, now: datetime) -> Cart | None:
        """The client's cart, its row locked until the transaction ends (two actions on one cart
        queue) and marked changed at `now`: every action that locks a cart changes it, and
        `save` at the same `now` does not mark it again."""
        ...

    def get(self, cart_id: int) -> Cart | None: ...
    def ensure(self, client_id: int, now: datetime) -> Cart:
        """The client's cart, created when missing (concurrent callers get the same one)."""
        ...

    def save(self, cart: Cart, now: datetime) -> None:
        """Write the lines: changed quantities updated, new ones inserted, dropped ones removed."""
        ...

    def line_id(self, cart_id: int, product_id: int) -> int | None:
        """The id of a product's line, as this unit of work last read or saved the cart."""
        ...


class AddressRepository(Protocol):
    def get(self, address_id: int) -> Address | None: ...
    def owner_of(self, address_id: int) -> int | None:
        """The client an address belongs to (None if there is no such address)."""
        ...

    def add(self, address: Address) -> None: ...
    def save(self, address: Address) -> None: ...
    def delete(self, address_id: int) -> None: ...
    def delete_for_client(self, client_id: int) -> None: ...
    def clear_default(self, client_id: int, except_id: int) -> None: ...


class OrderRepository(Protocol):
    def get(self, order_id: int, *, for_update: bool = False) -> Order | None: ...
    def add(self, order: Order) -> None:
        """Insert the order and its lines; sets `order.id`. A subscription delivery whose
        (subscription, date) already has an order raises DeliveryAlreadyGenerated and leaves
        the transaction usable."""
        ...

    def move(self, order_id: int, current: OrderStatus, target: OrderStatus, now: datetime) -> bool:
        """Change the status only if it is still `current`; False when someone moved it first."""
        ...

    def claim_stock_restoration(self, order_id: int) -> bool:
        """Flip `stock_restored` false → true; True for the one caller that should restore."""
        ...

    def set_active(self, order_id: int, is_active: bool, now: datetime) -> None: ...


class PaymentRepository(Protocol):
    def get(self, payment_id: int, *, for_update: bool = False) -> Payment | None: ...
    def add(self, payment: Payment) -> None: ...
    def for_order(self, order_id: int) -> list[Payment]: ...
    def move(
        self, payment_id: int, current: PaymentStatus, target: PaymentStatus, now: datetime
    ) -> bool:
        """Change the status only if it is still `current`."""
        ...


class WishlistRepository(Protocol):
    def ensure(self, client_id: int, now: datetime) -> int:
        """The client's wishlist id, created when missing."""
        ...

    def owner(self, wishlist_id: int) -> int | None: ...
    def add_product(self, wishlist_id: int, product_id: int, now: datetime) -> bool:
        """False when the product was already there."""
        ...

    def remove_product(self, wishlist_id: int, product_id: int, now: datetime) -> bool: ...
    def delete(self, wishlist_id: int) -> None: ...
    def delete_for_client(self, client_id: int) -> None: ...


class KeyStillInUse(Exception):
    """The first request under this key held it longer than a duplicate is willing to wait."""


class IdempotencyRepository(Protocol):
    def claim(self, user_id: int, key: str, fingerprint: str, now: datetime) -> bool:
        """Insert a pending record; False when the (user, key) pair is already recorded.

        While another open transaction holds the same pair, this waits for it to end (a few
        seconds at most, then KeyStillInUse). A refused insert leaves the transaction usable."""
        ...

    def find(self, user_id: int, key: str) -> StoredResponse | None:
        """The record; status 0 while the first request is still running."""
        ...

    def complete(self, user_id: int, key: str, status: int, body: bytes) -> None: ...
    def release(self, user_id: int, key: str) -> None: ...
    def replace_expired(
        self, user_id: int, key: str, expired_at: datetime, fingerprint: str, now: datetime
    ) -> bool:
        """Take over a record created at `expired_at` (too old to replay); False if it changed."""
        ...
