"""The job registry: name → callable(container) returning a printable report.

The scheduler, the `run_job` actor and `chezflora run-job NAME` all go through it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from chezflora.bootstrap import Container
from chezflora.bootstrap.from_settings import maintenance

Job = Callable[[Container], object]


class JobUnavailable(RuntimeError):
    """The job's feature is not wired into this build: fail loudly, never pretend it ran."""


def subscription_orders(container: Container) -> object:
    return container.subscriptions.generate_due_orders()


def subscription_billing(container: Container) -> object:
    return container.subscriptions.bill_due()


def quote_expiry(container: Container) -> object:
    return container.services.expire_quotes()


def low_stock(container: Container) -> object:
    return container.jobs.operations.low_stock_alert()


def purge_codes(container: Container) -> object:
    return {"codes_supprimes": container.jobs.operations.purge_codes()}


def workshop_reminders(container: Container) -> object:
    return container.workshops.send_reminders()


def relay_outbox(container: Container) -> object:
    return {"emails_relances": container.jobs.relay_outbox()}


def comment_review_digest(container: Container) -> object:
    return container.blog.held_digest()


def backup_db(container: Container) -> Path:
    return maintenance(container.settings).backup_database(container.clock.now())


def backup_media(container: Container) -> Path:
    return maintenance(container.settings).archive_media(container.clock.now())


JOBS: dict[str, Job] = {
    "subscription-orders": subscription_orders,
    "subscription-billing": subscription_billing,
    "low-stock": low_stock,
    "quote-expiry": quote_expiry,
    "purge-codes": purge_codes,
    "relay-outbox": relay_outbox,
    "workshop-reminders": workshop_reminders,
    "backup-db": backup_db,
    "backup-media": backup_media,
    "comment-review-digest": comment_review_digest,
}


def run(container: Container, name: str) -> object:
    try:
        job = JOBS[name]
    except KeyError:
        raise JobUnavailable(f"unknown job {name!r}; known: {', '.join(sorted(JOBS))}") from None
    return job(container)
