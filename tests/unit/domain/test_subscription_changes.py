"""Subscription: on-demand delivery, billing a period, and basket/end changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from chezflora.domain.errors import Conflict, InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.subscription import (
    INACTIVE_OR_EXPIRED,
    PaymentState,
    Subscription,
    SubscriptionType,
    open_subscription,
)
from chezflora.domain.subscription_schedule import at_local_time

DOUALA = ZoneInfo("Africa/Douala")
START = date(2028, 1, 31)
NOW = datetime(2028, 1, 30, 9, 0, tzinfo=UTC)
PRICES = {1: Money.of(100), 2: Money.of("2500.50")}


def _paid(
    kind: SubscriptionType = SubscriptionType.MENSUEL, end: date | None = None
) -> Subscription:
    subscription = open_subscription(
        id=1,
        client_id=2,
        kind=kind,
        date_debut=START,
        date_fin=end,
        lines=[(1, 2)],
        unit_prices=PRICES,
        now=NOW,
        tz=DOUALA,
    )
    subscription.mark_paid()
    return subscription


def test_serving_deliveries_follows_the_calendar_across_a_leap_february() -> None:
    subscription = _paid()
    served = [subscription.serve_next_delivery(DOUALA) for _ in range(3)]
    assert served == [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]
    assert subscription.prochaine_livraison == at_local_time(date(2028, 4, 30), DOUALA)


def test_an_unpaid_or_cancelled_subscription_does_not_deliver() -> None:
    unpaid = _paid()
    unpaid.paiement_statut = PaymentState.NON_PAYE
    cancelled = _paid()
    cancelled.cancel()
    for subscription in (unpaid, cancelled):
        with pytest.raises(Conflict, match=INACTIVE_OR_EXPIRED):
            subscription.serve_next_delivery(DOUALA)
        assert subscription.prochaine_livraison == at_local_time(START, DOUALA)


def test_no_delivery_past_the_end() -> None:
    subscription = _paid(end=date(2028, 2, 15))
    assert subscription.serve_next_delivery(DOUALA) == START
    assert subscription.prochaine_livraison is None
    with pytest.raises(Conflict):
        subscription.serve_next_delivery(DOUALA)


def test_billing_a_period_starts_it_unpaid_and_never_bills_date_debut() -> None:
    subscription = _paid()
    assert subscription.bill_next_period(DOUALA) == date(2028, 2, 29)
    assert subscription.paiement_statut is PaymentState.NON_PAYE
    assert subscription.prochaine_facturation == at_local_time(date(2028, 3, 31), DOUALA)
    assert subscription.bill_next_period(DOUALA) == date(2028, 3, 31)


def test_annual_billing_is_yearly() -> None:
    subscription = _paid(SubscriptionType.ANNUEL)
    assert subscription.bill_next_period(DOUALA) == date(2029, 1, 31)
    assert subscription.prochaine_facturation == at_local_time(date(2030, 1, 31), DOUALA)


def test_billing_refused_when_cancelled_or_ended() -> None:
    cancelled = _paid()
    cancelled.cancel()
    ended = _paid(end=date(2028, 2, 10))
    for subscription in (cancelled, ended):
        with pytest.raises(Conflict, match="Pas de facturation due"):
            subscription.bill_next_period(DOUALA)


def test_changing_the_basket_recomputes_the_price() -> None:
    subscription = _paid(SubscriptionType.HEBDOMADAIRE)
    subscription.change_basket([(1, 1), (2, 2)], PRICES)
    assert subscription.prix == Money.of("20404.00")  # 4 × (100 + 2 × 2500.50)
    assert [tuple(line) for line in subscription.lines] == [(1, 1), (2, 2)]


@pytest.mark.parametrize("lines", [[], [(1, 0)], [(1, 1), (1, 2)], [(9, 1)]])
def test_a_bad_basket_changes_nothing(lines: list[tuple[int, int]]) -> None:
    subscription = _paid()
    with pytest.raises(InvalidInput) as raised:
        subscription.change_basket(lines, PRICES)
    assert "produit_quantites" in raised.value.fields
    assert subscription.prix == Money.of(200)


def test_the_end_stays_after_the_start() -> None:
    subscription = _paid()
    with pytest.raises(InvalidInput) as raised:
        subscription.change_end(START, NOW.date())
    assert "date_fin" in raised.value.fields
    subscription.change_end(date(2028, 6, 30), NOW.date())
    assert subscription.date_fin == date(2028, 6, 30)
    subscription.change_end(None, NOW.date())
    assert subscription.date_fin is None


def test_the_end_stays_within_five_years() -> None:
    subscription = _paid()
    with pytest.raises(InvalidInput) as raised:
        subscription.change_end(date(2033, 1, 31), NOW.date())
    assert "5 ans" in raised.value.fields["date_fin"][0]
    assert subscription.date_fin is None
    subscription.change_end(date(2033, 1, 30), NOW.date())
    assert subscription.date_fin == date(2033, 1, 30)
