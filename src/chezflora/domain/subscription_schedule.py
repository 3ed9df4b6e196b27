"""Subscription calendars: delivery and billing dates, always counted from the anchor date_debut."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

# Deliveries are stamped at this local wall-clock time in the shop's time zone.
DELIVERY_TIME = time(8, 0)

_WEEK = timedelta(days=7)


class SubscriptionType(StrEnum):
    """The three subscription rhythms (wire field `type`)."""

    MENSUEL = "mensuel"
    HEBDOMADAIRE = "hebdomadaire"
    ANNUEL = "annuel"


def add_months(anchor: date, months: int) -> date:
    """Same day of month `months` calendar months later, clamped to that month's last day."""
    index = anchor.year * 12 + (anchor.month - 1) + months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(anchor.day, last_day))


def _months_between(start: date, end: date) -> int:
    """Calendar months from start's month to end's month (days ignored)."""
    return (end.year - start.year) * 12 + (end.month - start.month)


def delivery_date(anchor: date, kind: SubscriptionType, n: int) -> date:
    """The n-th delivery (n ≥ 0, n = 0 is date_debut): weekly +7 days, else monthly (annuel too)."""
    if n < 0:
        raise ValueError("delivery index must be >= 0")
    if kind is SubscriptionType.HEBDOMADAIRE:
        return anchor + n * _WEEK
    # Always from the anchor, never from the previous date, so Jan 31 → Feb 28 → Mar 31.
    return add_months(anchor, n)


def next_delivery_after(anchor: date, kind: SubscriptionType, after: date) -> date:
    """The first delivery date strictly later than `after` (date_debut itself if still ahead)."""
    if after < anchor:
        return anchor
    if kind is SubscriptionType.HEBDOMADAIRE:
        return delivery_date(anchor, kind, (after - anchor).days // 7 + 1)
    guess = _months_between(anchor, after)
    return _first_after(lambda n: delivery_date(anchor, kind, n), guess, after)


def billing_period_months(kind: SubscriptionType) -> int:
    """Billing rhythm: yearly for annuel, monthly for mensuel and hebdomadaire."""
    return 12 if kind is SubscriptionType.ANNUEL else 1


def billing_date(anchor: date, kind: SubscriptionType, n: int) -> date:
    """The n-th billing (n ≥ 1), n periods after date_debut: creation pays the first period."""
    if n < 1:
        raise ValueError("billing index must be >= 1: the first period is paid at creation")
    return add_months(anchor, n * billing_period_months(kind))


def next_billing_after(anchor: date, kind: SubscriptionType, after: date) -> date:
    """The first billing date strictly later than `after`; never date_debut itself."""
    guess = max(1, _months_between(anchor, after) // billing_period_months(kind))
    return _first_after(lambda n: billing_date(anchor, kind, n), guess, after)


def _first_after(nth: Callable[[int], date], guess: int, after: date) -> date:
    """Walk forward from an index guess to the first date strictly later than `after`."""
    # Callers guess an index whose date falls in `after`'s month or earlier, and whose
    # predecessor lies in an earlier month, so this loop runs at most twice.
    n = guess
    while nth(n) <= after:
        n += 1
    return nth(n)


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    """The calendar date of an aware instant as seen in the shop's time zone."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: instants must be timezone-aware")
    return moment.astimezone(tz).date()


def at_local_time(day: date, tz: ZoneInfo, at: time = DELIVERY_TIME) -> datetime:
    """The aware UTC instant of wall-clock time `at` on local date `day` in `tz`."""
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def local_time_of(moment: datetime, tz: ZoneInfo) -> time:
    """The local wall-clock time of an aware instant, so an advanced date keeps its hour."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: instants must be timezone-aware")
    return moment.astimezone(tz).time()
