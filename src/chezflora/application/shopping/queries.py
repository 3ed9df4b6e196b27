"""Read-side ports of shopping: pages and details in a bounded number of statements.

`ShoppingQueries` is what handlers call (`container.shopping.queries`), every price final.
`ShoppingRows` is what the database answers: the same reads, but carts and wishlists unpriced
with their candidate promotions; `ShoppingReader` (reading.py) prices them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.shopping.rows import CartRow, ToPrice, WishlistRow
from chezflora.application.shopping.stats import PaymentFact
from chezflora.application.shopping.views import (
    AddressView,
    CartView,
    OrderFilters,
    OrderLineView,
    OrderView,
    PaymentFilters,
    PaymentView,
    Scope,
    WishlistView,
)
from chezflora.domain.money import Money


class StoredShoppingQueries(Protocol):
    """Reads shown as stored: addresses, orders and their lines at the prices they were placed
    at (history is never re-priced), payments, and the figures of the reports."""

    def addresses(
        self, scope: Scope, options: ListOptions, page: PageRequest
    ) -> Page[AddressView]: ...
    def address(self, scope: Scope, address_id: int) -> AddressView | None: ...
    def orders(
        self, scope: Scope, filters: OrderFilters, options: ListOptions, page: PageRequest
    ) -> Page[OrderView]: ...
    def order(self, scope: Scope, order_id: int) -> OrderView | None: ...
    def order_lines(
        self, scope: Scope, options: ListOptions, page: PageRequest
    ) -> Page[OrderLineView]: ...
    def order_line(self, scope: Scope, line_id: int) -> OrderLineView | None: ...
    def payments(
        self, scope: Scope, filters: PaymentFilters, options: ListOptions, page: PageRequest
    ) -> Page[PaymentView]: ...
    def payment(self, scope: Scope, payment_id: int) -> PaymentView | None: ...
    def revenue_facts(
        self, since: datetime
    ) -> tuple[dict[str, Money], list[tuple[datetime, Money]]]:
        """Counted revenue per status (all time) and (date, total) of counted orders since."""
        ...

    def payment_facts(self, filters: PaymentFilters) -> list[PaymentFact]: ...
    def export_orders(self) -> list[OrderView]: ...
    def export_payments(self) -> list[PaymentView]: ...


class ShoppingQueries(StoredShoppingQueries, Protocol):
    """Every read handlers make, carts and wishlists priced at the current instant."""

    def carts(self, scope: Scope, options: ListOptions, page: PageRequest) -> Page[CartView]: ...
    def cart(self, scope: Scope, cart_id: int) -> CartView | None: ...
    def own_cart(self, client_id: int) -> CartView | None: ...
    def wishlists(
        self, scope: Scope, options: ListOptions, page: PageRequest
    ) -> Page[WishlistView]: ...
    def wishlist(self, scope: Scope, wishlist_id: int) -> WishlistView | None: ...


class ShoppingRows(StoredShoppingQueries, Protocol):
    """The database side. Each call reads on one connection: the rows and the promotions
    valid at `now` for their products (none for a page without products)."""

    def cart_rows(
        self,
        scope: Scope,
        options: ListOptions,
        page: PageRequest,
        now: datetime,
        cart_id: int | None = None,
    ) -> ToPrice[CartRow]:
        """Carts in `scope`, the viewer's own first; one of them when `cart_id` is given."""
        ...

    def wishlist_rows(
        self,
        scope: Scope,
        options: ListOptions,
        page: PageRequest,
        now: datetime,
        wishlist_id: int | None = None,
    ) -> ToPrice[WishlistRow]:
        """Wishlists in `scope`, the viewer's own first; inactive products only for admins."""
        ...
