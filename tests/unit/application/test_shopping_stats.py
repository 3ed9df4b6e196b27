"""Revenue and payment statistics: days in the shop's zone, holes filled, exact sums."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from chezflora.application.shopping.stats import PaymentFact, payment_report, revenue_report
from chezflora.domain.money import Money, sum_money

DOUALA = ZoneInfo("Africa/Douala")
NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _fact(amount: str, status: str, payer: str = "awa", days_ago: float = 0) -> PaymentFact:
    moment = NOW - timedelta(days=days_ago)
    return PaymentFact(
        moment, moment + timedelta(days=1), Money.of(amount), status, "commande", None, payer
    )


def test_revenue_days_are_local_and_every_day_is_listed():
    # 23:30 UTC on the 8th is already the 9th in Douala (UTC+1).
    late = datetime(2026, 3, 8, 23, 30, tzinfo=UTC)
    report = revenue_report(
        {"en_cours": Money.of("500")}, [(late, Money.of("500"))], NOW, 7, DOUALA
    )
    assert [b.label for b in report.by_day][-1] == "2026-03-10" and len(report.by_day) == 7
    assert {b.label: b.total for b in report.by_day}["2026-03-09"] == Money.of("500")
    assert report.total == Money.of("500")


def test_payment_report_rates_and_top_clients():
    facts = [
        _fact("1000", "effectue", "awa"),
        _fact("3000", "effectue", "binta", days_ago=40),
        _fact("500", "simule", "awa"),
        _fact("200", "rembourse", "chantal"),
    ]
    report = payment_report(facts, NOW, 30, DOUALA)
    assert report.overall.count == 4 and report.overall.total == Money.of("4700")
    assert str(report.overall.success_rate) == "50.00"
    assert str(report.overall.average_delay_days) == "1.00"
    assert report.recent_count == 3 and len(report.recent_by_day) == 30
    assert [(b.label, b.total) for b in report.top_clients] == [
        ("binta", Money.of("3000")),
        ("awa", Money.of("1000")),
    ]
    assert report.overall.minimum == Money.of("200") and report.overall.maximum == Money.of("3000")


def test_an_empty_report_has_every_figure_at_zero():
    report = payment_report([], NOW, 30, DOUALA)
    assert report.overall.count == 0 and report.overall.average == Money.zero()
    assert report.top_clients == [] and len(report.recent_by_day) == 30


@given(st.lists(st.decimals(min_value=0, max_value=99999, places=2), max_size=30))
def test_groups_add_up_to_the_total(amounts):
    facts = [_fact(str(a), "effectue" if i % 2 else "simule") for i, a in enumerate(amounts)]
    report = payment_report(facts, NOW, 30, DOUALA)
    assert sum_money(b.total for b in report.by_status) == report.overall.total
    assert sum(b.count for b in report.by_status) == len(facts)
