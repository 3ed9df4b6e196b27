"""The `ShoppingRows` port in SQL: each call opens one connection and reads a bounded page."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries import shopping_carts as carts
from chezflora.adapters.sqlalchemy.queries import shopping_orders as orders
from chezflora.adapters.sqlalchemy.queries import shopping_payments as payments
from chezflora.adapters.sqlalchemy.queries.photos import UrlFor
from chezflora.adapters.sqlalchemy.tables.shopping import payments as payments_table
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.shopping.rows import CartRow, ToPrice, WishlistRow
from chezflora.application.shopping.stats import PaymentFact
from chezflora.application.shopping.views import (
    AddressView,
    OrderFilters,
    OrderLineView,
    OrderView,
    PaymentFilters,
    PaymentView,
    Scope,
)
from chezflora.domain.money import Money

ONE = PageRequest(page=1, per_page=1)
NO_OPTIONS = ListOptions()


class SqlShoppingRows:
    """`ShoppingRows`: carts and wishlists come unpriced with their candidate promotions, read
    on the same connection; `ShoppingReader` prices them."""

    def __init__(self, engine: Engine, url_for: UrlFor) -> None:
        self._engine, self._url_for = engine, url_for

    def cart_rows(
        self,
        scope: Scope,
        options: ListOptions,
        page: PageRequest,
        now: datetime,
        cart_id: int | None = None,
    ) -> ToPrice[CartRow]:
        with self._engine.connect() as conn:
            return carts.cart_rows(conn, scope, options, page, now, self._url_for, cart_id)

    def wishlist_rows(
        self,
        scope: Scope,
        options: ListOptions,
        page: PageRequest,
        now: datetime,
        wishlist_id: int | None = None,
    ) -> ToPrice[WishlistRow]:
        with self._engine.connect() as conn:
            return carts.wishlist_rows(conn, scope, options, page, now, self._url_for, wishlist_id)

    def addresses(self, scope: Scope, options: ListOptions, page: PageRequest) -> Page[AddressView]:
        with self._engine.connect() as conn:
            return orders.address_page(conn, scope, options, page)

    def address(self, scope: Scope, address_id: int) -> AddressView | None:
        with self._engine.connect() as conn:
            found = orders.address_page(conn, scope, NO_OPTIONS, ONE, address_id)
        return found.items[0] if found.items else None

    def orders(
        self, scope: Scope, filters: OrderFilters, options: ListOptions, page: PageRequest
    ) -> Page[OrderView]:
        with self._engine.connect() as conn:
            return orders.order_page(conn, scope, filters, options, page)

    def order(self, scope: Scope, order_id: int) -> OrderView | None:
        with self._engine.connect() as conn:
            found = orders.order_page(conn, scope, OrderFilters(), NO_OPTIONS, ONE, order_id)
        return found.items[0] if found.items else None

    def order_lines(
        self, scope: Scope, options: ListOptions, page: PageRequest
    ) -> Page[OrderLineView]:
        with self._engine.connect() as conn:
            return orders.line_page(conn, scope, options, page)

    def order_line(self, scope: Scope, line_id: int) -> OrderLineView | None:
        with self._engine.connect() as conn:
            found = orders.line_page(conn, scope, NO_OPTIONS, ONE, line_id)
        return found.items[0] if found.items else None

    def payments(
        self, scope: Scope, filters: PaymentFilters, options: ListOptions, page: PageRequest
    ) -> Page[PaymentView]:
        with self._engine.connect() as conn:
            return payments.payment_page(conn, scope, filters, options, page)

    def payment(self, scope: Scope, payment_id: int) -> PaymentView | None:
        with self._engine.connect() as conn:
            found = payments.payment_page(
                conn, scope, PaymentFilters(), NO_OPTIONS, ONE, payment_id
            )
        return found.items[0] if found.items else None

    def revenue_facts(
        self, since: datetime
    ) -> tuple[dict[str, Money], list[tuple[datetime, Money]]]:
        with self._engine.connect() as conn:
            return orders.revenue_facts(conn, since)

    def payment_facts(self, filters: PaymentFilters) -> list[PaymentFact]:
        with self._engine.connect() as conn:
            return payments.payment_facts(conn, filters)

    def export_orders(self) -> list[OrderView]:
        everyone = Scope(owner_id=None, viewer_id=0)
        with self._engine.connect() as conn:
            rows = conn.execute(orders.order_query(everyone, OrderFilters(), NO_OPTIONS)).all()
            return orders.order_views(conn, list(rows))

    def export_payments(self) -> list[PaymentView]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(payments_table).order_by(payments_table.c.id)).all()
            return payments.payment_views(conn, rows)
