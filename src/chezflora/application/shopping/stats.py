"""Admin figures: order revenue and payment statistics, aggregated from plain facts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TypeVar
from zoneinfo import ZoneInfo

from chezflora.domain.money import Money, round_half_up, sum_money
from chezflora.domain.payment import PaymentStatus

K = TypeVar("K")


@dataclass(frozen=True, slots=True)
class Bucket:
    """A group of amounts: its label, how many and how much."""

    label: str
    count: int
    total: Money


@dataclass(frozen=True, slots=True)
class RevenueReport:
    """Revenue counts orders neither cancelled nor refunded."""

    total: Money
    by_day: list[Bucket]
    by_status: list[Bucket]


@dataclass(frozen=True, slots=True)
class PaymentFact:
    created_at: datetime
    updated_at: datetime
    amount: Money
    status: str
    kind: str
    method: str | None
    payer: str


@dataclass(frozen=True, slots=True)
class PaymentSummary:
    count: int
    total: Money
    average: Money
    maximum: Money
    minimum: Money
    success_rate: Decimal
    average_delay_days: Decimal


@dataclass(frozen=True, slots=True)
class PaymentReport:
    days: int
    overall: PaymentSummary
    recent_count: int
    recent_total: Money
    recent_by_day: list[Bucket]
    by_month_last_year: list[Bucket]
    by_year: list[Bucket]
    by_kind: list[Bucket]
    by_status: list[Bucket]
    by_method: list[Bucket]
    top_clients: list[Bucket]


def local_days(now: datetime, days: int, zone: ZoneInfo) -> list[date]:
    """The last `days` calendar days in the shop's time zone, today included, oldest first."""
    today = now.astimezone(zone).date()
    return [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]


def group(items: Iterable[tuple[K, Money]]) -> dict[K, tuple[int, Money]]:
    counts: dict[K, int] = defaultdict(int)
    totals: dict[K, Money] = defaultdict(Money.zero)
    for key, value in items:
        counts[key] += 1
        totals[key] = totals[key] + value
    return {key: (counts[key], totals[key]) for key in counts}


def buckets(groups: Mapping[K, tuple[int, Money]], label: Callable[[K], str]) -> list[Bucket]:
    return [Bucket(label(key), count, total) for key, (count, total) in groups.items()]


def day_series(
    facts: Iterable[tuple[datetime, Money]], now: datetime, days: int, zone: ZoneInfo
) -> list[Bucket]:
    """One bucket per day, empty days included, so charts have no holes."""
    grouped = group((moment.astimezone(zone).date(), value) for moment, value in facts)
    return [
        Bucket(day.isoformat(), *grouped.get(day, (0, Money.zero())))
        for day in local_days(now, days, zone)
    ]


def revenue_report(
    by_status: Mapping[str, Money],
    recent: Iterable[tuple[datetime, Money]],
    now: datetime,
    days: int,
    zone: ZoneInfo,
) -> RevenueReport:
    return RevenueReport(
        total=sum_money(by_status.values()),
        by_day=day_series(recent, now, days, zone),
        by_status=[Bucket(status, 0, total) for status, total in sorted(by_status.items())],
    )


def _summary(facts: list[PaymentFact]) -> PaymentSummary:
    amounts = [f.amount for f in facts]
    total = sum_money(amounts)
    done = [f for f in facts if f.status == PaymentStatus.EFFECTUE.value]
    delays = [(f.updated_at - f.created_at).total_seconds() / 86400 for f in done]
    return PaymentSummary(
        count=len(facts),
        total=total,
        average=Money(total.amount / len(facts)) if facts else Money.zero(),
        maximum=max(amounts, default=Money.zero()),
        minimum=min(amounts, default=Money.zero()),
        success_rate=round_half_up(Decimal(100 * len(done)) / len(facts))
        if facts
        else Decimal("0.00"),
        average_delay_days=round_half_up(Decimal(str(sum(delays) / len(delays))))
        if delays
        else Decimal("0.00"),
    )


def payment_report(
    facts: list[PaymentFact], now: datetime, days: int, zone: ZoneInfo
) -> PaymentReport:
    since = now - timedelta(days=days)
    recent = [f for f in facts if f.created_at >= since]
    year_ago = now - timedelta(days=365)
    local = [(f.created_at.astimezone(zone), f.amount) for f in facts]
    paid = [(f.payer, f.amount) for f in facts if f.status == PaymentStatus.EFFECTUE.value]
    top = sorted(group(paid).items(), key=lambda item: (-item[1][1].amount, item[0]))[:5]
    return PaymentReport(
        days=days,
        overall=_summary(facts),
        recent_count=len(recent),
        recent_total=sum_money(f.amount for f in recent),
        recent_by_day=day_series([(f.created_at, f.amount) for f in recent], now, days, zone),
        by_month_last_year=buckets(
            group(sorted((m.strftime("%Y-%m"), v) for m, v in local if m >= year_ago)), str
        ),
        by_year=buckets(group(sorted((m.strftime("%Y"), v) for m, v in local)), str),
        by_kind=buckets(group((f.kind, f.amount) for f in facts), str),
        by_status=buckets(group((f.status, f.amount) for f in facts), str),
        by_method=buckets(group((f.method, f.amount) for f in facts if f.method), str),
        top_clients=buckets(dict(top), str),
    )
