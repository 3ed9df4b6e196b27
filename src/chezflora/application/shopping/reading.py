"""The shopping read side as handlers see it: carts and wishlists priced in one step.

The database returns unpriced rows and their candidate promotions (`ShoppingRows`); here every
product is priced by `price_all`, the step the catalogue and checkout use too, and a cart's
total is the domain's `Cart.total` of those prices: shown == charged. Orders, addresses and
payments are read as stored.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TypeVar

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest, replace_items
from chezflora.application.ports import Clock
from chezflora.application.pricing import price_all
from chezflora.application.shopping.queries import ShoppingRows
from chezflora.application.shopping.rows import CartRow, ToPrice, UnpricedCard, WishlistRow
from chezflora.application.shopping.stats import PaymentFact
from chezflora.application.shopping.views import (
    AddressView,
    CartItemView,
    CartView,
    OrderFilters,
    OrderLineView,
    OrderView,
    PaymentFilters,
    PaymentView,
    ProductCard,
    Scope,
    WishlistView,
)
from chezflora.domain.cart import Cart, CartLine
from chezflora.domain.money import Money
from chezflora.domain.pricing import Promotion

ONE = PageRequest(page=1, per_page=1)
NO_OPTIONS = ListOptions()
T = TypeVar("T")


def priced_cards(
    cards: Iterable[UnpricedCard], promotions: Iterable[Promotion], now: datetime
) -> dict[int, ProductCard]:
    """Product id → its card at the effective price at `now`."""
    unique = {card.id: card for card in cards}
    quotes = price_all([c.pricing_item() for c in unique.values()], tuple(promotions), now)
    return {pid: card.priced(quotes[pid].effective) for pid, card in unique.items()}


def priced_cart(row: CartRow, cards: dict[int, ProductCard]) -> CartView:
    """The cart as shown, its total computed by the domain from the shown unit prices."""
    cart = Cart.restore(
        row.id,
        row.client.id,
        [CartLine(item.product.id, item.quantity, item.added_at) for item in row.items],
    )
    return CartView(
        id=row.id,
        client=row.client,
        items=[
            CartItemView(item.id, row.id, cards[item.product.id], item.quantity, item.added_at)
            for item in row.items
        ],
        created_at=row.created_at,
        updated_at=row.updated_at,
        total=cart.total({pid: card.effective_price for pid, card in cards.items()}),
    )


def priced_carts(found: ToPrice[CartRow], now: datetime) -> Page[CartView]:
    rows = found.page.items
    cards = priced_cards((i.product for r in rows for i in r.items), found.promotions, now)
    return replace_items(found.page, [priced_cart(row, cards) for row in rows])


def priced_wishlists(found: ToPrice[WishlistRow], now: datetime) -> Page[WishlistView]:
    rows = found.page.items
    cards = priced_cards((p for r in rows for p in r.products), found.promotions, now)
    views = [
        WishlistView(
            id=row.id,
            client=row.client,
            products=[cards[p.id] for p in row.products],
            created_at=row.created_at,
            updated_at=row.updated_at,
        )
        for row in rows
    ]
    return replace_items(found.page, views)


class ShoppingReader:
    """`ShoppingQueries` over `ShoppingRows`: reads `now` once per call from the clock."""

    def __init__(self, rows: ShoppingRows, clock: Clock) -> None:
        self._rows, self._clock = rows, clock

    def carts(self, scope: Scope, options: ListOptions, page: PageRequest) -> Page[CartView]:
        now = self._clock.now()
        return priced_carts(self._rows.cart_rows(scope, options, page, now), now)

    def cart(self, scope: Scope, cart_id: int) -> CartView | None:
        now = self._clock.now()
        return _first(priced_carts(self._rows.cart_rows(scope, NO_OPTIONS, ONE, now, cart_id), now))

    def own_cart(self, client_id: int) -> CartView | None:
        """The client's one cart, or None before it exists."""
        return _first(self.carts(Scope(client_id, client_id), NO_OPTIONS, ONE))

    def wishlists(
        self, scope: Scope, options: ListOptions, page: PageRequest
    ) -> Page[WishlistView]:
        now = self._clock.now()
        return priced_wishlists(self._rows.wishlist_rows(scope, options, page, now), now)

    def wishlist(self, scope: Scope, wishlist_id: int) -> WishlistView | None:
        now = self._clock.now()
        found = self._rows.wishlist_rows(scope, NO_OPTIONS, ONE, now, wishlist_id)
        return _first(priced_wishlists(found, now))

    # Read as stored.

    def addresses(self, scope: Scope, options: ListOptions, page: PageRequest) -> Page[AddressView]:
        return self._rows.addresses(scope, options, page)

    def address(self, scope: Scope, address_id: int) -> AddressView | None:
        return self._rows.address(scope, address_id)

    def orders(
        self, scope: Scope, filters: OrderFilters, options: ListOptions, page: PageRequest
    ) -> Page[OrderView]:
        return self._rows.orders(scope, filters, options, page)

    def order(self, scope: Scope, order_id: int) -> OrderView | None:
        return self._rows.order(scope, order_id)

    def order_lines(
        self, scope: Scope, options: ListOptions, page: PageRequest
    ) -> Page[OrderLineView]:
        return self._rows.order_lines(scope, options, page)

    def order_line(self, scope: Scope, line_id: int) -> OrderLineView | None:
        return self._rows.order_line(scope, line_id)

    def payments(
        self, scope: Scope, filters: PaymentFilters, options: ListOptions, page: PageRequest
    ) -> Page[PaymentView]:
        return self._rows.payments(scope, filters, options, page)

    def payment(self, scope: Scope, payment_id: int) -> PaymentView | None:
        return self._rows.payment(scope, payment_id)

    def revenue_facts(
        self, since: datetime
    ) -> tuple[dict[str, Money], list[tuple[datetime, Money]]]:
        return self._rows.revenue_facts(since)

    def payment_facts(self, filters: PaymentFilters) -> list[PaymentFact]:
        return self._rows.payment_facts(filters)

    def export_orders(self) -> list[OrderView]:
        return self._rows.export_orders()

    def export_payments(self) -> list[PaymentView]:
        return self._rows.export_payments()


def _first(page: Page[T]) -> T | None:
    return page.items[0] if page.items else None
