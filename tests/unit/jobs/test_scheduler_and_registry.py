"""The schedule fires at shop time (Africa/Douala); the registry refuses to fake missing jobs."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from apscheduler.schedulers.background import BackgroundScheduler

from chezflora.entrypoints.worker import jobs
from chezflora.entrypoints.worker.scheduler import SCHEDULE, run_here, schedule
from tests.fakes import FakeClock


def _scheduled() -> dict[str, object]:
    scheduler = schedule(BackgroundScheduler(), lambda name: None, "Africa/Douala")
    return {job.id: job for job in scheduler.get_jobs()}


def next_fire(name: str, after: datetime) -> datetime:
    trigger = _scheduled()[name].trigger  # type: ignore[attr-defined]
    return trigger.get_next_fire_time(None, after).astimezone(UTC)


def test_every_registry_job_is_scheduled_and_nothing_else():
    assert set(_scheduled()) == set(jobs.JOBS) == set(SCHEDULE)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Douala is UTC+1 all year: 08:00 there is 07:00 UTC.
        ("low-stock", datetime(2026, 11, 25, 7, 0, tzinfo=UTC)),
        ("backup-db", datetime(2026, 11, 25, 1, 0, tzinfo=UTC)),
        ("subscription-billing", datetime(2026, 11, 25, 5, 0, tzinfo=UTC)),
        ("subscription-orders", datetime(2026, 11, 24, 9, 5, tzinfo=UTC)),
        ("relay-outbox", datetime(2026, 11, 24, 9, 1, tzinfo=UTC)),
        # 00:15 in Douala.
        ("quote-expiry", datetime(2026, 11, 24, 23, 15, tzinfo=UTC)),
    ],
)
def test_jobs_fire_at_shop_time(name: str, expected: datetime):
    now = FakeClock().now()  # 2026-11-24 09:00 UTC
    assert next_fire(name, now.replace(second=30)) == expected


def test_a_failing_job_is_logged_and_the_scheduler_goes_on(monkeypatch, caplog):
    monkeypatch.setitem(jobs.JOBS, "low-stock", lambda c: 1 / 0)

    run_here(SimpleNamespace(), "low-stock")  # type: ignore[arg-type]

    assert "job low-stock failed" in caplog.text


def test_subscription_jobs_call_the_subscription_use_cases():
    container = SimpleNamespace(
        subscriptions=SimpleNamespace(
            generate_due_orders=lambda: "3 commandes", bill_due=lambda: "2 paiements"
        )
    )

    assert jobs.run(container, "subscription-orders") == "3 commandes"  # type: ignore[arg-type]
    assert jobs.run(container, "subscription-billing") == "2 paiements"  # type: ignore[arg-type]


def test_an_unknown_job_is_refused():
    with pytest.raises(jobs.JobUnavailable, match="unknown job 'no-such-job'"):
        jobs.run(SimpleNamespace(), "no-such-job")  # type: ignore[arg-type]
