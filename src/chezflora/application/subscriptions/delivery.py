"""Turning a subscription's next delivery into an order: base prices, stock taken, once per date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.repositories import DeliveryAlreadyGenerated
from chezflora.application.subscriptions import notices
from chezflora.application.subscriptions.access import load_for
from chezflora.application.subscriptions.ports import (
    SubscriptionUnitOfWork,
    SubscriptionUnitOfWorkFactory,
)
from chezflora.domain.catalogue import Product
from chezflora.domain.errors import Conflict, OutOfStock
from chezflora.domain.order import Order, OrderLine
from chezflora.domain.subscription import Subscription

ALREADY_GENERATED = "La commande de cette livraison a déjà été générée"


@dataclass(frozen=True, slots=True)
class Delivery:
    """What serving one delivery did: an order, or the products that were short."""

    order_id: int | None = None
    short: tuple[str, ...] = ()
    already_done: bool = False


@dataclass(frozen=True, slots=True)
class GenerationReport:
    generated: int = 0
    skipped_short_stock: int = 0
    already_done: int = 0
    order_ids: tuple[int, ...] = field(default=())


def deliver(
    uow: SubscriptionUnitOfWork, subscription: Subscription, now: datetime, tz: ZoneInfo
) -> Delivery:
    """Serve the next delivery of a locked subscription, inside the caller's transaction.

    Short stock (or a product withdrawn): no order, stock untouched, every admin e-mailed, the
    date stays due (retried). A date already ordered is skipped over. Otherwise stock is taken
    for all lines or none, and the order is written by shopping's repository like any other.
    """
    served = subscription.serve_next_delivery(tz)
    ledger = uow.subscription_ledger
    if ledger.delivery_exists(subscription.id, served):
        uow.subscriptions.save(subscription, now)
        return Delivery(already_done=True)
    quantities = {line.product_id: line.quantity for line in subscription.lines}
    products = uow.stock.products(quantities)
    short = _take_stock(uow, quantities, products)
    if short:
        names = [products[p].name if p in products else f"produit n° {p}" for p in short]
        for email in notices.stock_alerts(uow.users.admins(), subscription, served, names):
            uow.outbox.add(email)
        return Delivery(short=tuple(names))
    lines = [
        OrderLine(pid, products[pid].name, quantity, products[pid].price)
        for pid, quantity in quantities.items()
    ]
    address_id = ledger.delivery_address(subscription.client_id)
    order = Order.deliver(subscription.id, served, subscription.client_id, lines, address_id, now)
    uow.orders.add(order)
    assert order.id is not None
    uow.subscriptions.save(subscription, now)
    client = notices.client_of(uow, subscription)
    uow.outbox.add(
        notices.order_generated(client, subscription, order.id, served, str(order.total.amount))
    )
    return Delivery(order_id=order.id)


def _take_stock(
    uow: SubscriptionUnitOfWork, quantities: dict[int, int], products: Mapping[int, Product]
) -> list[int]:
    """Take every line or none (the caller commits either way, for the admins' e-mails):
    withdrawn products count as short; what was taken before a short line is put back."""
    withdrawn = [p for p in quantities if p not in products or not products[p].is_active]
    if withdrawn:
        return sorted(withdrawn)
    short = uow.stock.take(quantities)
    if short:
        uow.stock.put_back({p: q for p, q in quantities.items() if p not in short})
    return short


class GenerateSubscriptionOrder:
    """Owner or admin, on demand: the next scheduled delivery becomes an order now.

    Same rules as the hourly job; an inactive, unpaid or ended subscription → 409; short
    stock → 409 `Stock insuffisant` (admins are told, nothing else changes).
    """

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self, actor: Viewer, subscription_id: int) -> int:
        now = self._clock.now()
        with self._uow() as uow:
            subscription = load_for(uow, subscription_id, actor)
            done = deliver(uow, subscription, now, self._tz)
            uow.commit()
        if done.short:
            raise OutOfStock(list(done.short))
        if done.order_id is None:
            raise Conflict(ALREADY_GENERATED)
        return done.order_id


class GenerateDueSubscriptionOrders:
    """Hourly job: every active, paid subscription whose next delivery is reached gets its order.

    Each subscription is served in its own transaction with its row locked, so concurrent
    schedulers serve a date once (the UNIQUE (abonnement_id, date_livraison) backs it up).
    """

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self) -> GenerationReport:
        now = self._clock.now()
        with self._uow() as uow:
            candidates = uow.subscriptions.due_for_delivery(now)
        generated: list[int] = []
        short = already = 0
        for subscription_id in candidates:
            try:
                done = self._serve(subscription_id, now)
            except DeliveryAlreadyGenerated:
                already += 1
                continue
            if done is None:
                continue
            if done.order_id is not None:
                generated.append(done.order_id)
            short += bool(done.short)
            already += done.already_done
        return GenerationReport(len(generated), short, already, tuple(generated))

    def _serve(self, subscription_id: int, now: datetime) -> Delivery | None:
        with self._uow() as uow:
            subscription = uow.subscriptions.get(subscription_id, for_update=True)
            if subscription is None or not subscription.is_due_for_delivery(now, self._tz):
                return None  # another scheduler served it since the candidates were read
            done = deliver(uow, subscription, now, self._tz)
            uow.commit()
        return done
