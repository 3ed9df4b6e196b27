"""Subscription entity: creation rules, payment state, cancel, and the due/advance cycle."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chezflora.domain.errors import Conflict, InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.subscription import (
    ALREADY_CANCELLED,
    PaymentState,
    Subscription,
    SubscriptionLine,
    SubscriptionType,
    open_subscription,
    validate_new,
)
from chezflora.domain.subscription_schedule import billing_date, delivery_date, local_date

DOUALA = ZoneInfo("Africa/Douala")
MENSUEL = SubscriptionType.MENSUEL
HEBDO = SubscriptionType.HEBDOMADAIRE
ANNUEL = SubscriptionType.ANNUEL
TODAY = date(2027, 1, 31)
NOW = datetime(2027, 1, 31, 9, 0, tzinfo=UTC)  # 10:00 in Douala
PRICES = {1: Money.of(100), 2: Money.of("2500.50")}


def _open(
    kind: SubscriptionType = MENSUEL,
    start: date = TODAY,
    end: date | None = None,
    lines: list[tuple[int, int]] | None = None,
) -> Subscription:
    return open_subscription(
        id=7,
        client_id=3,
        kind=kind,
        date_debut=start,
        date_fin=end,
        lines=[(1, 2)] if lines is None else lines,
        unit_prices=PRICES,
        now=NOW,
        tz=DOUALA,
    )


def _paid(
    kind: SubscriptionType = MENSUEL, start: date = TODAY, end: date | None = None
) -> Subscription:
    subscription = _open(kind, start, end)
    subscription.mark_paid()
    return subscription


def _at(day: date) -> datetime:
    """08:00 in Douala on `day`, in UTC."""
    return datetime.combine(day, time(7, 0), tzinfo=UTC)


# --- validate_new -------------------------------------------------------------------------


def _fields(**kwargs: object) -> dict[str, list[str]]:
    args: dict[str, object] = {
        "date_debut": TODAY,
        "date_fin": None,
        "today": TODAY,
        "lines": [(1, 1)],
    }
    args.update(kwargs)
    with pytest.raises(InvalidInput) as caught:
        validate_new(**args)  # type: ignore[arg-type]
    return caught.value.fields


def test_accepts_a_start_today_and_an_end_after_it() -> None:
    validate_new(TODAY, TODAY + timedelta(days=1), TODAY, [(1, 1), (2, 3)])


def test_start_in_the_past_is_refused() -> None:
    assert _fields(date_debut=TODAY - timedelta(days=1)) == {
        "date_debut": ["La date de début ne peut pas être dans le passé."]
    }


@pytest.mark.parametrize("end", [TODAY, TODAY - timedelta(days=3)])
def test_end_must_come_after_start(end: date) -> None:
    assert list(_fields(date_fin=end)) == ["date_fin"]


@pytest.mark.parametrize(
    "lines",
    [[], [(1, 0)], [(1, -2)], [(1, True)], [(1, "2")], [(1, 1.0)], [(1, 1), (1, 2)]],
)
def test_bad_lines_are_reported_on_produit_quantites(lines: list[tuple[int, int]]) -> None:
    fields = _fields(lines=lines)
    assert list(fields) == ["produit_quantites"]
    assert fields["produit_quantites"]


def test_empty_basket_message() -> None:
    assert _fields(lines=[]) == {
        "produit_quantites": ["Un abonnement doit inclure au moins un produit."]
    }


def test_all_errors_are_reported_together() -> None:
    fields = _fields(
        date_debut=TODAY - timedelta(days=1), date_fin=TODAY - timedelta(days=2), lines=[]
    )
    assert set(fields) == {"date_debut", "date_fin", "produit_quantites"}


# --- creation -----------------------------------------------------------------------------


def test_open_computes_price_and_first_dates() -> None:
    subscription = _open(MENSUEL, lines=[(1, 2), (2, 1)])
    assert subscription.prix == Money.of("2700.50")
    assert subscription.paiement_statut is PaymentState.NON_PAYE
    assert subscription.is_active
    assert subscription.lines == (SubscriptionLine(1, 2), SubscriptionLine(2, 1))
    assert subscription.prochaine_livraison == datetime(2027, 1, 31, 7, 0, tzinfo=UTC)
    # The first period is paid at creation: billing starts one month later (clamped).
    assert subscription.prochaine_facturation == datetime(2027, 2, 28, 7, 0, tzinfo=UTC)


def test_open_annual_is_billed_a_year_later() -> None:
    subscription = _open(ANNUEL, lines=[(1, 1)])
    assert subscription.prix == Money.of("1080.00")
    assert subscription.prochaine_facturation == _at(date(2028, 1, 31))


def test_open_uses_the_local_date_for_today() -> None:
    # 23:30 UTC on Jan 30 is already Jan 31 in Douala: starting on Jan 31 is allowed.
    open_subscription(
        id=1,
        client_id=1,
        kind=MENSUEL,
        date_debut=TODAY,
        date_fin=None,
        lines=[(1, 1)],
        unit_prices=PRICES,
        now=datetime(2027, 1, 30, 23, 30, tzinfo=UTC),
        tz=DOUALA,
    )


def test_open_refuses_unknown_products() -> None:
    with pytest.raises(InvalidInput) as caught:
        _open(lines=[(99, 1)])
    assert list(caught.value.fields) == ["produit_quantites"]


def test_no_first_billing_when_the_term_ends_before_it() -> None:
    assert _open(MENSUEL, end=TODAY + timedelta(days=10)).prochaine_facturation is None


# --- payment, cancel, identity ------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (MENSUEL, PaymentState.PAYE_MENSUEL),
        (HEBDO, PaymentState.PAYE_MENSUEL),
        (ANNUEL, PaymentState.PAYE_COMPLET),
    ],
)
def test_mark_paid(kind: SubscriptionType, expected: PaymentState) -> None:
    subscription = _open(kind)
    subscription.mark_paid()
    assert subscription.paiement_statut is expected


def test_cancel_deactivates_once() -> None:
    subscription = _paid()
    subscription.cancel()
    assert not subscription.is_active
    with pytest.raises(Conflict) as caught:
        subscription.cancel()
    assert caught.value.message == ALREADY_CANCELLED == "Abonnement déjà annulé"


def test_equality_is_by_id() -> None:
    first, second = _open(MENSUEL), _open(ANNUEL)
    assert first == second and hash(first) == hash(second)
    second.id = 8
    assert first != second


# --- due and advance ----------------------------------------------------------------------


def test_unpaid_or_cancelled_subscriptions_are_never_due() -> None:
    later = NOW + timedelta(days=400)
    unpaid = _open()
    assert not unpaid.is_due_for_delivery(later, DOUALA)
    assert not unpaid.is_due_for_billing(later, DOUALA)
    cancelled = _paid()
    cancelled.cancel()
    assert not cancelled.is_due_for_delivery(later, DOUALA)
    assert not cancelled.is_due_for_billing(later, DOUALA)


def test_delivery_is_due_from_its_instant_on() -> None:
    subscription = _paid()
    assert subscription.is_due_for_delivery(_at(TODAY), DOUALA)
    assert not subscription.is_due_for_delivery(_at(TODAY) - timedelta(seconds=1), DOUALA)


def test_billing_is_not_due_on_date_debut() -> None:
    subscription = _paid()
    assert not subscription.is_due_for_billing(_at(TODAY) + timedelta(days=27), DOUALA)
    assert subscription.is_due_for_billing(_at(date(2027, 2, 28)), DOUALA)


def test_nothing_is_due_past_date_fin() -> None:
    subscription = _paid(MENSUEL, end=date(2027, 3, 15))
    subscription.prochaine_livraison = _at(date(2027, 3, 31))
    assert not subscription.is_due_for_delivery(_at(date(2027, 4, 1)), DOUALA)


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError):
        _paid().is_due_for_delivery(datetime(2027, 2, 1, 8, 0), DOUALA)


def test_serving_does_not_drift_at_month_end() -> None:
    subscription = _paid()
    assert subscription.serve_next_delivery(DOUALA) == TODAY
    assert subscription.prochaine_livraison == _at(date(2027, 2, 28))
    assert subscription.serve_next_delivery(DOUALA) == date(2027, 2, 28)
    assert subscription.prochaine_livraison == _at(date(2027, 3, 31))


def test_serving_keeps_the_local_wall_clock_time() -> None:
    subscription = _paid(HEBDO)
    subscription.prochaine_livraison = datetime(2027, 1, 31, 15, 45, tzinfo=UTC)
    subscription.serve_next_delivery(DOUALA)
    assert subscription.prochaine_livraison == datetime(2027, 2, 7, 15, 45, tzinfo=UTC)


def test_an_unpaid_subscription_neither_delivers_nor_bills_again() -> None:
    subscription = _open()
    with pytest.raises(Conflict):
        subscription.serve_next_delivery(DOUALA)
    assert subscription.prochaine_livraison == _at(TODAY)
    subscription.mark_paid()
    subscription.bill_next_period(DOUALA)
    assert not subscription.is_due_for_billing(_at(date(2027, 3, 31)), DOUALA)


def test_schedule_stops_at_date_fin() -> None:
    subscription = _paid(MENSUEL, end=date(2027, 3, 15))
    subscription.bill_next_period(DOUALA)
    assert subscription.prochaine_facturation is None
    subscription.mark_paid()
    subscription.serve_next_delivery(DOUALA)
    subscription.serve_next_delivery(DOUALA)
    assert subscription.prochaine_livraison is None


# --- a scheduler run at arbitrary times serves every date exactly once --------------------

# Starts close to NOW, so the simulated runs (up to ~3 years) really serve dates.
starts = st.dates(min_value=TODAY, max_value=TODAY + timedelta(days=120))
run_gaps = st.lists(st.integers(min_value=0, max_value=24 * 45), min_size=1, max_size=25)


def _run_jobs(
    subscription: Subscription, gaps: list[int], billing: bool
) -> tuple[list[date], datetime]:
    """Simulate the periodic job: at each run, serve everything due, one date at a time."""
    served: list[date] = []
    now = NOW
    for hours in gaps:
        now += timedelta(hours=hours)
        if billing:
            while subscription.is_due_for_billing(now, DOUALA):
                served.append(subscription.bill_next_period(DOUALA))
                subscription.mark_paid()  # each bill is paid before the next run
        else:
            while subscription.is_due_for_delivery(now, DOUALA):
                served.append(subscription.serve_next_delivery(DOUALA))
    return served, now


@settings(max_examples=150)
@given(st.sampled_from(SubscriptionType), starts, run_gaps)
def test_deliveries_are_never_skipped_nor_repeated(
    kind: SubscriptionType, start: date, gaps: list[int]
) -> None:
    subscription = _paid(kind, start)
    served, now = _run_jobs(subscription, gaps, billing=False)
    assert served == [delivery_date(start, kind, n) for n in range(len(served))]
    pending = subscription.prochaine_livraison
    assert pending is not None and pending > now  # everything due was served
    assert local_date(pending, DOUALA) == delivery_date(start, kind, len(served))


@settings(max_examples=150)
@given(st.sampled_from(SubscriptionType), starts, run_gaps)
def test_billing_is_never_skipped_nor_repeated_and_skips_date_debut(
    kind: SubscriptionType, start: date, gaps: list[int]
) -> None:
    subscription = _paid(kind, start)
    served, now = _run_jobs(subscription, gaps, billing=True)
    assert start not in served
    assert served == [billing_date(start, kind, n) for n in range(1, len(served) + 1)]
    pending = subscription.prochaine_facturation
    assert pending is not None and pending > now
