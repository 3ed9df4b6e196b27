"""The subscription jobs on a real database: calendars, once-only orders, stock, billing."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.adapters.sqlalchemy.tables.shopping import orders
from chezflora.application.identity.authentication import Viewer
from chezflora.application.shopping.repositories import DeliveryAlreadyGenerated
from chezflora.application.subscriptions import NewSubscription
from chezflora.domain.money import Money
from chezflora.domain.order import Order, OrderLine
from chezflora.domain.subscription import SubscriptionType
from tests.integration.helpers import make_admin, make_client
from tests.integration.rows import (
    add_address,
    add_product_in_new_category,
    emails,
    lines_of,
    orders_of,
    payments_of,
    set_stock,
    stock_of,
)

DOUALA = ZoneInfo("Africa/Douala")


def _douala(day: date, hour: int = 8) -> datetime:
    """`hour` o'clock in Douala (UTC+1) on `day`, as an aware UTC instant."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=DOUALA).astimezone(UTC)


@pytest.fixture
def people(client, container):
    alice_id, _ = make_client(client, container, "alice")
    make_admin(client, container, "patron")
    make_admin(client, container, "gerante")
    return {"alice": Viewer(alice_id, "alice", False)}


def _open(container, clock, people, start, lines, kind=SubscriptionType.MENSUEL, paid=True):
    module = container.subscriptions
    subscription = module.create(
        people["alice"], NewSubscription(kind=kind, date_debut=start, date_fin=None, lines=lines)
    )
    if paid:
        module.mark_paid(subscription.id)
    return subscription.id


def _state(container, subscription_id):
    return container.subscriptions.queries.get(subscription_id)


def test_monthly_deliveries_follow_the_calendar_through_a_leap_february(container, clock, people):
    rose = add_product_in_new_category(container.engine, "1500.00", stock=10)
    lily = add_product_in_new_category(container.engine, "250.50", stock=10)
    home = add_address(container.engine, people["alice"].user_id, is_default=True)
    clock.current = datetime(2028, 1, 30, 12, tzinfo=UTC)
    sub_id = _open(container, clock, people, date(2028, 1, 31), [(rose, 2), (lily, 1)])
    jobs = container.subscriptions

    clock.current = _douala(date(2028, 1, 31)) - timedelta(seconds=1)
    assert jobs.generate_due_orders().generated == 0  # not yet 08:00 in Douala
    for day, next_delivery in [
        (date(2028, 1, 31), date(2028, 2, 29)),
        (date(2028, 2, 29), date(2028, 3, 31)),
        (date(2028, 3, 31), date(2028, 4, 30)),
    ]:
        clock.current = _douala(day, hour=9)
        report = jobs.generate_due_orders()
        assert (report.generated, report.skipped_short_stock, report.already_done) == (1, 0, 0)
        assert jobs.generate_due_orders().generated == 0  # the same hour again: nothing
        assert _state(container, sub_id).prochaine_livraison == _douala(next_delivery)
        # The daily billing runs at midnight: the period is billed, then paid by the client.
        clock.current = _douala(day + timedelta(days=1), hour=0)
        billed = jobs.bill_due()
        assert billed.billed == (0 if day == date(2028, 1, 31) else 1)
        jobs.mark_paid(sub_id)

    placed = orders_of(container.engine, sub_id)
    assert [o.date_livraison for o in placed] == [
        date(2028, 1, 31),
        date(2028, 2, 29),
        date(2028, 3, 31),
    ]
    assert {o.statut for o in placed} == {
        "en_cours"
    }  # paid subscriptions only: the order starts paid
    assert {o.adresse_id for o in placed} == {home}
    assert {o.total for o in placed} == {Money.of("3250.50").amount}
    first_lines = lines_of(container.engine, placed[0].id)
    assert [(line.produit_id, line.quantite, line.prix_unitaire) for line in first_lines] == [
        (rose, 2, Money.of(1500).amount),
        (lily, 1, Money.of("250.50").amount),
    ]
    assert stock_of(container.engine, rose) == 4 and stock_of(container.engine, lily) == 7
    assert len(emails(container.engine, "abonnement_commande")) == 3
    bills = payments_of(container.engine, sub_id)[1:]
    # Periods start on the anchor's day, clamped (Feb 29), then back to the 31st.
    assert [b.details[-10:] for b in bills] == ["2028-02-29", "2028-03-31"]


def test_a_late_job_serves_one_overdue_date_per_run_and_never_repeats(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=100)
    clock.current = datetime(2028, 2, 1, 12, tzinfo=UTC)
    sub_id = _open(
        container, clock, people, date(2028, 2, 2), [(rose, 1)], SubscriptionType.HEBDOMADAIRE
    )
    clock.current = _douala(date(2028, 2, 25), hour=12)  # four weekly dates are overdue
    generated = [container.subscriptions.generate_due_orders().generated for _ in range(6)]
    assert generated == [1, 1, 1, 1, 0, 0]
    assert [o.date_livraison for o in orders_of(container.engine, sub_id)] == [
        date(2028, 2, 2),
        date(2028, 2, 9),
        date(2028, 2, 16),
        date(2028, 2, 23),
    ]


def test_concurrent_schedulers_create_one_order(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=5)
    sub_id = _open(container, clock, people, date(2026, 11, 24), [(rose, 2)])
    clock.current = _douala(date(2026, 11, 24), hour=9)
    reports = []
    barrier = threading.Barrier(4)

    def run() -> None:
        barrier.wait()
        reports.append(container.subscriptions.generate_due_orders())

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r.generated for r in reports) == 1
    assert len(orders_of(container.engine, sub_id)) == 1
    assert stock_of(container.engine, rose) == 3


def test_short_stock_means_no_order_an_alert_and_a_retry(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=10)
    lily = add_product_in_new_category(container.engine, stock=5)
    sub_id = _open(container, clock, people, date(2026, 11, 24), [(rose, 2), (lily, 2)])
    # Opening checks the stock (issue 12); it runs short before the delivery.
    set_stock(container.engine, lily, 1)
    clock.current = _douala(date(2026, 11, 24), hour=9)
    before = _state(container, sub_id).prochaine_livraison

    report = container.subscriptions.generate_due_orders()
    assert (report.generated, report.skipped_short_stock) == (0, 1)
    assert orders_of(container.engine, sub_id) == []
    assert stock_of(container.engine, rose) == 10 and stock_of(container.engine, lily) == 1
    alerts = emails(container.engine, "abonnement_alerte_stock")
    assert sorted(a.recipient for a in alerts) == ["gerante@chezflora.cm", "patron@chezflora.cm"]
    assert "Bouquet" in alerts[0].context["produits"]
    assert _state(container, sub_id).prochaine_livraison == before

    set_stock(container.engine, lily, 5)
    clock.advance(hours=1)
    assert container.subscriptions.generate_due_orders().generated == 1
    assert stock_of(container.engine, rose) == 8 and stock_of(container.engine, lily) == 3
    [order] = orders_of(container.engine, sub_id)
    assert order.date_livraison == date(2026, 11, 24)


def test_a_withdrawn_product_counts_as_short(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=10)
    lily = add_product_in_new_category(container.engine, stock=10)
    sub_id = _open(container, clock, people, date(2026, 11, 24), [(rose, 2), (lily, 2)])
    with container.engine.begin() as conn:
        conn.execute(sa.update(products).where(products.c.id == lily).values(is_active=False))
    clock.current = _douala(date(2026, 11, 24), hour=9)

    report = container.subscriptions.generate_due_orders()
    assert (report.generated, report.skipped_short_stock) == (0, 1)
    assert stock_of(container.engine, rose) == 10 and stock_of(container.engine, lily) == 10
    assert orders_of(container.engine, sub_id) == []
    assert emails(container.engine, "abonnement_alerte_stock")


def test_unpaid_or_cancelled_subscriptions_get_nothing(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=10)
    unpaid = _open(container, clock, people, date(2026, 11, 24), [(rose, 1)], paid=False)
    cancelled = _open(container, clock, people, date(2026, 11, 24), [(rose, 1)])
    container.subscriptions.cancel(people["alice"], cancelled)
    clock.current = _douala(date(2027, 1, 1), hour=9)
    assert container.subscriptions.generate_due_orders().generated == 0
    assert container.subscriptions.bill_due().billed == 0
    assert orders_of(container.engine, unpaid) == orders_of(container.engine, cancelled) == []


def test_an_already_ordered_date_is_skipped_over(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=10)
    sub_id = _open(container, clock, people, date(2026, 11, 24), [(rose, 1)])
    clock.current = _douala(date(2026, 11, 24), hour=9)
    with container.uow() as uow:
        uow.orders.add(_order(sub_id, people, date(2026, 11, 24), rose))
        uow.commit()
    report = container.subscriptions.generate_due_orders()
    assert (report.generated, report.already_done) == (0, 1)
    assert stock_of(container.engine, rose) == 10
    assert _state(container, sub_id).prochaine_livraison == _douala(date(2026, 12, 24))


def test_the_database_refuses_a_second_order_for_a_date(container, clock, people):
    rose = add_product_in_new_category(container.engine, stock=10)
    sub_id = _open(container, clock, people, date(2026, 11, 24), [(rose, 1)])
    with container.uow() as uow:
        uow.orders.add(_order(sub_id, people, date(2026, 11, 24), rose))
        with pytest.raises(DeliveryAlreadyGenerated):
            uow.orders.add(_order(sub_id, people, date(2026, 11, 24), rose))
        # The transaction is still usable.
        assert uow.subscription_ledger.delivery_exists(sub_id, date(2026, 11, 24))
        uow.commit()
    with container.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(orders)).scalar_one() == 1


def _order(sub_id, people, day, product_id):
    line = OrderLine(product_id, "Bouquet", 1, Money.of(1500))
    placed_at = datetime(2026, 11, 24, 9, tzinfo=UTC)
    return Order.deliver(sub_id, day, people["alice"].user_id, [line], None, placed_at)


def test_billing_job_bills_each_period_once_and_starts_it_unpaid(container, clock, people):
    rose = add_product_in_new_category(container.engine, "1000.00", stock=10)
    monthly = _open(container, clock, people, date(2026, 11, 30), [(rose, 1)])
    yearly = _open(
        container, clock, people, date(2026, 11, 30), [(rose, 1)], SubscriptionType.ANNUEL
    )
    jobs = container.subscriptions
    clock.current = _douala(date(2026, 12, 30)) - timedelta(seconds=1)
    assert jobs.bill_due().billed == 0  # never date_debut, and not before the next period
    clock.current = _douala(date(2026, 12, 31), hour=0)
    report = jobs.bill_due()
    assert report.billed == 1 and jobs.bill_due().billed == 0
    [payment] = [p for p in payments_of(container.engine, monthly) if p.id in report.payment_ids]
    assert payment.montant == 1000 and payment.statut == "simule"
    assert payment.utilisateur_id == people["alice"].user_id
    state = _state(container, monthly)
    assert state.paiement_statut == "non_paye"
    assert state.prochaine_facturation == _douala(date(2027, 1, 30))
    assert _state(container, yearly).paiement_statut == "paye_complet"
    assert _state(container, yearly).prochaine_facturation == _douala(date(2027, 11, 30))
    assert len(emails(container.engine, "abonnement_facture")) == 1

    clock.current = _douala(date(2027, 2, 1), hour=0)
    assert jobs.bill_due().billed == 0  # the December bill is still unpaid
    jobs.mark_paid(monthly)
    assert jobs.bill_due().billed == 1
    clock.current = _douala(date(2027, 12, 1), hour=0)
    jobs.mark_paid(monthly)
    billed = jobs.bill_due()
    yearly_bills = [p for p in payments_of(container.engine, yearly) if p.id in billed.payment_ids]
    assert [p.montant for p in yearly_bills] == [Money.of(10800).amount]
