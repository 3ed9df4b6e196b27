"""The shopping use cases and reports, grouped for the composition root."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from chezflora.application.ports import Clock
from chezflora.application.shopping.addresses import CreateAddress, DeleteAddress, UpdateAddress
from chezflora.application.shopping.carts import (
    AddToCart,
    ChangeCartQuantity,
    EmptyCart,
    OpenCart,
    RemoveFromCart,
)
from chezflora.application.shopping.checkout import CheckOut
from chezflora.application.shopping.orders import CancelOrder, ChangeOrder
from chezflora.application.shopping.payments import (
    OrderPaymentHook,
    PaymentHook,
    RefundPayment,
    SimulatePayment,
)
from chezflora.application.shopping.queries import ShoppingQueries, ShoppingRows
from chezflora.application.shopping.reading import ShoppingReader
from chezflora.application.shopping.stats import (
    PaymentReport,
    RevenueReport,
    payment_report,
    revenue_report,
)
from chezflora.application.shopping.views import PaymentFilters
from chezflora.application.shopping.wishlist import (
    AddToWishlist,
    DeleteWishlist,
    RemoveFromWishlist,
)
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.payment import TransactionType


@dataclass(frozen=True)
class ShoppingReports:
    """Admin revenue and payment statistics, in the shop's time zone."""

    queries: ShoppingQueries
    clock: Clock
    zone: ZoneInfo

    def revenue(self, days: int) -> RevenueReport:
        now = self.clock.now()
        by_status, recent = self.queries.revenue_facts(now - timedelta(days=days + 1))
        return revenue_report(by_status, recent, now, days, self.zone)

    def payments(self, days: int, filters: PaymentFilters) -> PaymentReport:
        return payment_report(
            self.queries.payment_facts(filters), self.clock.now(), days, self.zone
        )


@dataclass(frozen=True)
class ShoppingModule:
    open_cart: OpenCart
    add_to_cart: AddToCart
    change_quantity: ChangeCartQuantity
    remove_from_cart: RemoveFromCart
    empty_cart: EmptyCart
    check_out: CheckOut
    cancel_order: CancelOrder
    change_order: ChangeOrder
    simulate_payment: SimulatePayment
    refund_payment: RefundPayment
    create_address: CreateAddress
    update_address: UpdateAddress
    delete_address: DeleteAddress
    add_to_wishlist: AddToWishlist
    remove_from_wishlist: RemoveFromWishlist
    delete_wishlist: DeleteWishlist
    queries: ShoppingQueries
    reports: ShoppingReports

    @classmethod
    def build(
        cls,
        uow: UnitOfWorkFactory,
        clock: Clock,
        rows: ShoppingRows,
        zone: ZoneInfo,
        payment_hooks: Mapping[TransactionType, PaymentHook] | None = None,
    ) -> ShoppingModule:
        """`rows`: the database reads, priced by a `ShoppingReader` into `queries`.
        `payment_hooks`: what subscriptions and workshops do when their payments move."""
        queries = ShoppingReader(rows, clock)
        hooks: dict[TransactionType, PaymentHook] = {TransactionType.COMMANDE: OrderPaymentHook()}
        hooks.update(payment_hooks or {})
        return cls(
            open_cart=OpenCart(uow, clock),
            add_to_cart=AddToCart(uow, clock),
            change_quantity=ChangeCartQuantity(uow, clock),
            remove_from_cart=RemoveFromCart(uow, clock),
            empty_cart=EmptyCart(uow, clock),
            check_out=CheckOut(uow, clock),
            cancel_order=CancelOrder(uow, clock),
            change_order=ChangeOrder(uow, clock),
            simulate_payment=SimulatePayment(uow, clock, hooks),
            refund_payment=RefundPayment(uow, clock, hooks),
            create_address=CreateAddress(uow, clock),
            update_address=UpdateAddress(uow),
            delete_address=DeleteAddress(uow),
            add_to_wishlist=AddToWishlist(uow, clock),
            remove_from_wishlist=RemoveFromWishlist(uow, clock),
            delete_wishlist=DeleteWishlist(uow),
            queries=queries,
            reports=ShoppingReports(queries, clock, zone),
        )
