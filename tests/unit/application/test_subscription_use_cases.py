"""Subscriptions on in-memory fakes: opening one (priced, billed, unpaid) and the hourly job
that turns a due, paid subscription into an order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from chezflora.application.shopping.payments import SimulatePayment
from chezflora.application.subscriptions.creation import CreateSubscription, NewSubscription
from chezflora.application.subscriptions.delivery import (
    GenerateDueSubscriptionOrders,
    GenerateSubscriptionOrder,
)
from chezflora.application.subscriptions.payments import SubscriptionPaymentHook
from chezflora.domain.errors import InvalidInput, OutOfStock
from chezflora.domain.order import OrderStatus
from chezflora.domain.payment import PaymentStatus, TransactionType
from chezflora.domain.subscription import PaymentState, Subscription, SubscriptionType
from chezflora.domain.user import Role
from tests.unit.application.world import SHOP_ZONE, World, money

TODAY = date(2026, 11, 24)  # the fake clock's day in Douala
FIRST_DELIVERY = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 08:00 in Douala


@pytest.fixture
def world() -> World:
    return World()


def open_for(world: World, name: str, lines: list[tuple[int, int]]) -> Subscription:
    create = CreateSubscription(world.uow, world.clock, SHOP_ZONE)
    return create(world.person(name), NewSubscription(SubscriptionType.MENSUEL, TODAY, None, lines))


def pay(world: World, subscription: Subscription, name: str) -> None:
    [payment] = [
        p for p in world.uow.store.payments.values() if p.subscription_id == subscription.id
    ]
    hooks = {TransactionType.ABONNEMENT: SubscriptionPaymentHook()}
    assert payment.id is not None
    SimulatePayment(world.uow, world.clock, hooks)(world.viewer(name), payment.id)


def test_a_new_subscription_is_priced_on_base_prices_billed_once_and_unpaid(world):
    rose, tulip = world.product("Rose", "10.00"), world.product("Tulipe", "2.50")

    subscription = open_for(world, "awa", [(rose, 2), (tulip, 4)])

    stored = world.uow.store.subscriptions[subscription.id]
    assert stored.prix == money("30.00")
    assert stored.paiement_statut is PaymentState.NON_PAYE
    assert stored.prochaine_livraison == FIRST_DELIVERY
    [payment] = world.uow.store.payments.values()
    assert (payment.kind, payment.status, payment.amount, payment.subscription_id) == (
        TransactionType.ABONNEMENT,
        PaymentStatus.SIMULE,
        money("30.00"),
        subscription.id,
    )
    assert world.emails_to("awa") == ["abonnement_cree"]
    assert world.stock(rose) == 5  # nothing is taken before a delivery


def test_an_inactive_product_or_more_than_the_stock_is_refused(world):
    rose, lily = world.product("Rose", stock=3), world.product("Lys")
    world.deactivate(lily)

    with pytest.raises(InvalidInput):
        open_for(world, "awa", [(lily, 1)])
    with pytest.raises(InvalidInput):
        open_for(world, "binta", [(rose, 4)])

    assert world.uow.store.subscriptions == {} and world.uow.store.payments == {}


def test_an_unpaid_subscription_is_not_delivered(world):
    open_for(world, "awa", [(world.product("Rose"), 1)])

    report = GenerateDueSubscriptionOrders(world.uow, world.clock, SHOP_ZONE)()

    assert report.generated == 0 and world.uow.store.orders == {}


def test_the_job_turns_a_due_paid_subscription_into_an_order_once(world):
    rose = world.product("Rose", "10.00", stock=5)
    subscription = open_for(world, "awa", [(rose, 2)])
    address_id = world.address(world.viewer("awa"))
    pay(world, subscription, "awa")
    job = GenerateDueSubscriptionOrders(world.uow, world.clock, SHOP_ZONE)

    report = job()
    again = job()

    assert report.generated == 1 and again.generated == 0
    order = world.order(report.order_ids[0])
    assert (order.subscription_id, order.delivery_date, order.status) == (
        subscription.id,
        TODAY,
        OrderStatus.EN_COURS,
    )
    assert (order.total, order.address_id, order.quantities()) == (
        money("20.00"),
        address_id,
        {rose: 2},
    )
    assert world.stock(rose) == 3
    stored = world.uow.store.subscriptions[subscription.id]
    assert stored.prochaine_livraison == FIRST_DELIVERY.replace(month=12)
    assert world.emails_to("awa")[-1] == "abonnement_commande"


def test_short_stock_leaves_the_delivery_due_and_tells_the_admins(world):
    rose, tulip = world.product("Rose", stock=5), world.product("Tulipe", stock=5)
    subscription = open_for(world, "awa", [(rose, 2), (tulip, 3)])
    pay(world, subscription, "awa")
    world.person("gerante", Role.ADMIN)
    with world.uow() as work:  # the tulips sell out meanwhile
        assert work.stock.take({tulip: 4}) == []
        work.commit()

    report = GenerateDueSubscriptionOrders(world.uow, world.clock, SHOP_ZONE)()

    assert (report.generated, report.skipped_short_stock) == (0, 1)
    assert (world.stock(rose), world.stock(tulip)) == (5, 1)
    assert world.uow.store.orders == {}
    assert world.uow.store.subscriptions[subscription.id].prochaine_livraison == FIRST_DELIVERY
    assert world.emails_to("gerante") == ["abonnement_alerte_stock"]


def test_on_demand_the_owner_gets_the_next_delivery_now(world):
    rose = world.product("Rose", stock=5)
    world.clock.advance(hours=-4)  # before 08:00 in Douala: the first delivery is not due yet
    subscription = open_for(world, "awa", [(rose, 1)])
    pay(world, subscription, "awa")
    generate = GenerateSubscriptionOrder(world.uow, world.clock, SHOP_ZONE)

    order_id = generate(world.viewer("awa"), subscription.id)

    assert world.order(order_id).delivery_date == TODAY
    assert world.stock(rose) == 4
    with world.uow() as work:
        assert work.stock.take({rose: 4}) == []
        work.commit()
    world.clock.advance(days=40)
    with pytest.raises(OutOfStock):
        generate(world.viewer("awa"), subscription.id)
    assert len(world.uow.store.orders) == 1
    assert world.uow.store.subscriptions[subscription.id].paiement_statut is not (
        PaymentState.NON_PAYE
    )


def test_the_job_skips_a_subscription_served_since_it_was_listed(world):
    rose = world.product("Rose", stock=5)
    subscription = open_for(world, "awa", [(rose, 1)])
    pay(world, subscription, "awa")
    GenerateSubscriptionOrder(world.uow, world.clock, SHOP_ZONE)(
        world.viewer("awa"), subscription.id
    )
    world.clock.advance(minutes=1)

    report = GenerateDueSubscriptionOrders(world.uow, world.clock, SHOP_ZONE)()

    assert report.generated == 0 and len(world.uow.store.orders) == 1
    assert world.uow.store.subscriptions[subscription.id].prochaine_livraison > (
        world.clock.now() + timedelta(days=20)
    )
