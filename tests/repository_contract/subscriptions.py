"""The subscription repository's and ledger's clauses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from chezflora.domain.money import Money
from chezflora.domain.order import Order, OrderLine
from chezflora.domain.payment import Payment, PaymentStatus
from chezflora.domain.subscription import PaymentState, SubscriptionLine
from tests.repository_contract.rows import (
    NOW,
    UowFactory,
    a_subscription,
    add_category,
    add_product,
    add_user,
    an_address,
)


def subscriptions_round_trip_with_lines_by_product(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        roses = add_category(work)
        rose, tulip = add_product(work, roses, "Rose"), add_product(work, roses, "Tulipe")
        subscription = a_subscription(
            client, (SubscriptionLine(tulip, 2), SubscriptionLine(rose, 1))
        )
        work.subscriptions.add(subscription, NOW)
        work.commit()
    with uow() as work:
        loaded = work.subscriptions.get(subscription.id, for_update=True)
        assert loaded.lines == tuple(sorted(subscription.lines))
        assert vars(replace(loaded, lines=())) == vars(replace(subscription, lines=()))
        loaded.lines = (SubscriptionLine(rose, 4),)
        loaded.prix = Money(Decimal("40.00"))
        loaded.cancel()
        work.subscriptions.save(loaded, NOW)
        work.commit()
    with uow() as work:
        saved = work.subscriptions.get(subscription.id)
        assert saved.lines == (SubscriptionLine(rose, 4),) and not saved.is_active
        assert saved.prix == Money(Decimal("40.00"))
        assert work.subscriptions.active_for_client(client) == []
        work.subscriptions.delete(subscription.id)
        work.commit()
    with uow() as work:
        assert work.subscriptions.get(subscription.id) is None


def due_subscriptions_are_active_paid_and_reached_oldest_first(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        rose = add_product(work, add_category(work), "Rose")
        lines = (SubscriptionLine(rose, 1),)
        late = a_subscription(client, lines, next_delivery=NOW - timedelta(days=2))
        due = a_subscription(client, lines, next_delivery=NOW)
        unpaid = a_subscription(client, lines, paid=False, next_delivery=NOW)
        future = a_subscription(client, lines, next_delivery=NOW + timedelta(minutes=1))
        cancelled = a_subscription(client, lines, next_delivery=NOW)
        cancelled.is_active = False
        ended = a_subscription(client, lines, next_delivery=None)
        for subscription in (due, late, unpaid, future, cancelled, ended):
            work.subscriptions.add(subscription, NOW)
        work.commit()
    with uow() as work:
        assert work.subscriptions.due_for_delivery(NOW) == [late.id, due.id]
        assert work.subscriptions.due_for_billing(NOW) == []
        billing = [due.id, late.id, future.id, ended.id]  # same billing instant: by id
        assert work.subscriptions.due_for_billing(NOW + timedelta(days=30)) == billing
        active = sorted([due.id, late.id, unpaid.id, future.id, ended.id])
        assert work.subscriptions.active_for_client(client) == active


def the_ledger_knows_addresses_deliveries_and_history(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        rose = add_product(work, add_category(work), "Rose")
        subscription = a_subscription(client, (SubscriptionLine(rose, 1),))
        work.subscriptions.add(subscription, NOW)
        assert work.subscription_ledger.delivery_address(client) is None
        assert not work.subscription_ledger.has_history(subscription.id)
        addresses = []
        for name, is_default in (("A", False), ("B", True), ("C", False)):
            address = an_address(client, name, is_default)
            work.addresses.add(address)
            addresses.append(address)
        pending = [
            Payment.for_subscription(subscription.id, client, subscription.prix, "période", NOW)
            for _ in range(2)
        ]
        for payment in pending:
            work.payments.add(payment)
        work.commit()
    ledger_date = date(2026, 11, 24)
    with uow() as work:
        ledger = work.subscription_ledger
        assert ledger.delivery_address(client) == addresses[1].id
        assert not ledger.has_history(subscription.id)  # simule payments are no history
        work.payments.move(pending[0].id, PaymentStatus.SIMULE, PaymentStatus.EFFECTUE, NOW)
        assert ledger.has_history(subscription.id)
        assert ledger.drop_pending_payments(subscription.id) == 1
        assert work.payments.get(pending[1].id) is None
        work.addresses.delete(addresses[1].id)
        assert ledger.delivery_address(client) == addresses[2].id
        assert not ledger.delivery_exists(subscription.id, ledger_date)
        line = [OrderLine(rose, "Rose", 1, Money(Decimal("10.00")))]
        work.orders.add(Order.deliver(subscription.id, ledger_date, client, line, None, NOW))
        assert ledger.delivery_exists(subscription.id, ledger_date)
        assert not ledger.delivery_exists(subscription.id, date(2026, 12, 24))
        work.commit()
    with uow() as work:
        saved = work.subscriptions.get(subscription.id)
        assert saved.paiement_statut is PaymentState.PAYE_MENSUEL


SUBSCRIPTIONS = [
    subscriptions_round_trip_with_lines_by_product,
    due_subscriptions_are_active_paid_and_reached_oldest_first,
    the_ledger_knows_addresses_deliveries_and_history,
]
