"""Delivery and billing calendars: month-end clamping without drift, strict progress, UTC."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.subscription_schedule import (
    SubscriptionType,
    add_months,
    at_local_time,
    billing_date,
    delivery_date,
    local_date,
    next_billing_after,
    next_delivery_after,
)

DOUALA = ZoneInfo("Africa/Douala")
MENSUEL = SubscriptionType.MENSUEL
HEBDO = SubscriptionType.HEBDOMADAIRE
ANNUEL = SubscriptionType.ANNUEL
MONTHLY_DELIVERED = [MENSUEL, ANNUEL]  # annuel is delivered monthly too

anchors = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
day_31_anchors = st.builds(
    date,
    st.integers(min_value=2000, max_value=2100),
    st.sampled_from([1, 3, 5, 7, 8, 10, 12]),
    st.just(31),
)
kinds = st.sampled_from(SubscriptionType)
indexes = st.integers(min_value=0, max_value=400)
offsets = st.integers(min_value=-60, max_value=3 * 366)


def _months_between(start: date, end: date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def _last_day(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _brute_next(nth: Callable[[int], date], first: int, after: date) -> date:
    """Oracle: scan indexes from `first` for the first date strictly after `after`."""
    n = first
    while nth(n) <= after:
        n += 1
    return nth(n)


# --- explicit examples --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (
            date(2027, 1, 31),
            [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)],
        ),
        (
            date(2028, 1, 31),
            [date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31), date(2028, 4, 30)],
        ),
        (
            date(2027, 12, 30),
            [date(2027, 12, 30), date(2028, 1, 30), date(2028, 2, 29), date(2028, 3, 30)],
        ),
    ],
)
def test_monthly_deliveries_clamp_to_month_end_without_drift(
    anchor: date, expected: list[date]
) -> None:
    for kind in MONTHLY_DELIVERED:
        assert [delivery_date(anchor, kind, n) for n in range(4)] == expected
        # Chaining through next_delivery_after gives the same dates: Feb 28 → Mar 31, not Mar 28.
        chained = [anchor]
        for _ in range(3):
            chained.append(next_delivery_after(anchor, kind, chained[-1]))
        assert chained == expected


def test_weekly_deliveries_every_seven_days() -> None:
    anchor = date(2027, 2, 26)
    assert [delivery_date(anchor, HEBDO, n) for n in range(3)] == [
        date(2027, 2, 26),
        date(2027, 3, 5),
        date(2027, 3, 12),
    ]
    assert next_delivery_after(anchor, HEBDO, date(2027, 3, 4)) == date(2027, 3, 5)
    assert next_delivery_after(anchor, HEBDO, date(2027, 3, 5)) == date(2027, 3, 12)


def test_first_delivery_is_date_debut_when_still_ahead() -> None:
    anchor = date(2027, 5, 10)
    for kind in SubscriptionType:
        assert next_delivery_after(anchor, kind, date(2027, 5, 9)) == anchor


def test_billing_starts_one_period_after_date_debut() -> None:
    anchor = date(2028, 1, 31)
    assert billing_date(anchor, MENSUEL, 1) == date(2028, 2, 29)
    assert billing_date(anchor, HEBDO, 1) == date(2028, 2, 29)  # weekly baskets are billed monthly
    assert billing_date(anchor, MENSUEL, 2) == date(2028, 3, 31)
    assert billing_date(anchor, ANNUEL, 1) == date(2029, 1, 31)
    for kind in SubscriptionType:
        assert next_billing_after(anchor, kind, anchor) == billing_date(anchor, kind, 1)
        assert next_billing_after(anchor, kind, date(2020, 1, 1)) == billing_date(anchor, kind, 1)


def test_annual_billing_from_leap_day_does_not_drift() -> None:
    anchor = date(2028, 2, 29)
    assert [billing_date(anchor, ANNUEL, n) for n in (1, 2, 3, 4)] == [
        date(2029, 2, 28),
        date(2030, 2, 28),
        date(2031, 2, 28),
        date(2032, 2, 29),
    ]


@pytest.mark.parametrize("n", [0, -1])
def test_billing_index_zero_is_refused(n: int) -> None:
    # Index 0 would be date_debut, whose period creation already paid.
    with pytest.raises(ValueError):
        billing_date(date(2027, 1, 1), MENSUEL, n)


def test_negative_delivery_index_is_refused() -> None:
    with pytest.raises(ValueError):
        delivery_date(date(2027, 1, 1), HEBDO, -1)


# --- properties ---------------------------------------------------------------------------


@given(anchors, st.integers(min_value=0, max_value=1200))
def test_add_months_keeps_day_of_month_clamped(anchor: date, months: int) -> None:
    result = add_months(anchor, months)
    assert _months_between(anchor, result) == months
    assert result.day == min(anchor.day, _last_day(result))


@given(day_31_anchors, st.integers(min_value=0, max_value=400))
def test_day_31_anchor_always_lands_on_month_end(anchor: date, n: int) -> None:
    result = delivery_date(anchor, MENSUEL, n)
    assert result.day == _last_day(result)


@given(anchors, kinds, indexes)
def test_delivery_dates_strictly_increase(anchor: date, kind: SubscriptionType, n: int) -> None:
    assert delivery_date(anchor, kind, n + 1) > delivery_date(anchor, kind, n)
    assert delivery_date(anchor, kind, 0) == anchor


@given(anchors, indexes)
def test_weekly_deliveries_exactly_seven_days_apart(anchor: date, n: int) -> None:
    gap = delivery_date(anchor, HEBDO, n + 1) - delivery_date(anchor, HEBDO, n)
    assert gap == timedelta(days=7)


@given(anchors, st.sampled_from(MONTHLY_DELIVERED), indexes)
def test_monthly_deliveries_one_calendar_month_apart(
    anchor: date, kind: SubscriptionType, n: int
) -> None:
    current, following = delivery_date(anchor, kind, n), delivery_date(anchor, kind, n + 1)
    assert _months_between(current, following) == 1
    assert following.day == min(anchor.day, _last_day(following))


@given(anchors, kinds, offsets)
def test_next_delivery_is_the_first_schedule_date_strictly_later(
    anchor: date, kind: SubscriptionType, offset: int
) -> None:
    after = anchor + timedelta(days=offset)
    result = next_delivery_after(anchor, kind, after)
    assert result > after
    assert result == _brute_next(lambda n: delivery_date(anchor, kind, n), 0, after)


@given(anchors, kinds, st.integers(min_value=1, max_value=60))
def test_chaining_next_delivery_never_skips_or_repeats(
    anchor: date, kind: SubscriptionType, steps: int
) -> None:
    served = [anchor]
    for _ in range(steps):
        served.append(next_delivery_after(anchor, kind, served[-1]))
    assert served == [delivery_date(anchor, kind, n) for n in range(steps + 1)]


@given(anchors, kinds, st.integers(min_value=1, max_value=200))
def test_billing_dates_strictly_increase_and_never_hit_date_debut(
    anchor: date, kind: SubscriptionType, n: int
) -> None:
    period = 12 if kind is ANNUEL else 1
    assert billing_date(anchor, kind, 1) == add_months(anchor, period)
    assert billing_date(anchor, kind, n + 1) > billing_date(anchor, kind, n) > anchor


@given(anchors, kinds, offsets)
def test_next_billing_is_the_first_billing_date_strictly_later(
    anchor: date, kind: SubscriptionType, offset: int
) -> None:
    after = anchor + timedelta(days=offset)
    result = next_billing_after(anchor, kind, after)
    assert result > after
    assert result != anchor
    assert result == _brute_next(lambda n: billing_date(anchor, kind, n), 1, after)


@given(anchors, kinds, st.integers(min_value=1, max_value=40))
def test_first_period_is_never_billed_twice(
    anchor: date, kind: SubscriptionType, steps: int
) -> None:
    billed = [next_billing_after(anchor, kind, anchor)]
    for _ in range(steps):
        billed.append(next_billing_after(anchor, kind, billed[-1]))
    assert anchor not in billed
    assert billed == [billing_date(anchor, kind, n) for n in range(1, steps + 2)]


# --- local time zone helpers --------------------------------------------------------------


def test_local_delivery_time_is_stored_in_utc() -> None:
    moment = at_local_time(date(2027, 1, 31), DOUALA)
    assert moment == datetime(2027, 1, 31, 7, 0, tzinfo=UTC)  # Douala is UTC+1
    assert moment.utcoffset() == timedelta(0)
    assert at_local_time(date(2027, 1, 31), DOUALA, time(0, 30)) == datetime(
        2027, 1, 30, 23, 30, tzinfo=UTC
    )


def test_local_date_uses_the_shop_calendar_not_utc() -> None:
    assert local_date(datetime(2027, 1, 31, 23, 30, tzinfo=UTC), DOUALA) == date(2027, 2, 1)
    assert local_date(datetime(2027, 1, 31, 22, 59, tzinfo=UTC), DOUALA) == date(2027, 1, 31)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        local_date(datetime(2027, 1, 31, 8, 0), DOUALA)


@given(anchors, st.times(), st.sampled_from(["Africa/Douala", "Europe/Paris", "America/New_York"]))
def test_local_date_round_trips(day: date, at: time, zone: str) -> None:
    tz = ZoneInfo(zone)
    moment = at_local_time(day, tz, at)
    assert moment.tzinfo is UTC
    # A wall time skipped by a DST jump may shift by the gap, never by a day when taken at noon.
    assert local_date(at_local_time(day, tz, time(12, 0)), tz) == day
    assert abs(local_date(moment, tz) - day) <= timedelta(days=1)
