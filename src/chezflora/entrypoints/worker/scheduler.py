"""`chezflora scheduler`: one process that fires the periodic jobs at shop time (Africa/Douala).

With Redis it only enqueues (`run_job.send(name)`) and the workers do the work; without Redis
it runs each job itself. Run exactly one scheduler, however many API and worker processes.
"""

from __future__ import annotations

import logging
import signal
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger

from chezflora.bootstrap import Container
from chezflora.entrypoints.worker import jobs
from chezflora.entrypoints.worker.actors import declare_actors

log = logging.getLogger(__name__)

# job name → cron fields, in the shop's time zone.
SCHEDULE: dict[str, dict[str, Any]] = {
    "relay-outbox": {"minute": "*"},
    "subscription-orders": {"minute": 5},
    "subscription-billing": {"hour": 6, "minute": 0},
    "low-stock": {"hour": 8, "minute": 0},
    "quote-expiry": {"hour": 0, "minute": 15},
    "purge-codes": {"hour": 3, "minute": 30},
    "backup-db": {"hour": 2, "minute": 0},
    "backup-media": {"hour": 2, "minute": 30},
    # The day before each workshop; hourly so a late sign-up is still reminded (once).
    "workshop-reminders": {"minute": 15},
    # The job itself never e-mails the admins twice within an hour.
    "comment-review-digest": {"minute": 15},
}

Submit = Callable[[str], None]


def submitter(container: Container) -> Submit:
    if container.jobs.broker_in_memory:
        return lambda name: run_here(container, name)
    run_job = declare_actors(container.jobs.broker, container).run_job

    def enqueue(name: str) -> None:
        run_job.send(name)

    return enqueue


def run_here(container: Container, name: str) -> None:
    """A failing job is logged and tried again at its next firing; the scheduler keeps going."""
    try:
        log.info("job %s: %s", name, jobs.run(container, name))
    except Exception:
        log.exception("job %s failed", name)


def schedule(scheduler: BaseScheduler, submit: Submit, timezone: str) -> BaseScheduler:
    zone = ZoneInfo(timezone)
    for name, fields in SCHEDULE.items():
        scheduler.add_job(
            submit,
            CronTrigger(timezone=zone, **fields),
            args=[name],
            id=name,
            name=name,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=300,
        )
    return scheduler


def run_scheduler(container: Container) -> int:
    scheduler = schedule(
        BlockingScheduler(timezone=ZoneInfo(container.settings.shop_timezone)),
        submitter(container),
        container.settings.shop_timezone,
    )

    def on_signal(_signum: int, _frame: object) -> None:
        scheduler.shutdown(wait=False)

    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, on_signal)
    log.info("scheduler started: %s", ", ".join(SCHEDULE))
    scheduler.start()
    return 0
