"""The Dramatiq actors, declared on the broker the composition root built (never at import).

Actors are thin: `deliver_email` sends one outbox row, `run_job` runs one registry job.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import dramatiq

from chezflora.application.background import (
    DELIVER_EMAIL,
    EMAIL_GAVE_UP,
    EMAIL_QUEUE,
    JOBS_QUEUE,
    RUN_JOB,
)
from chezflora.application.email_delivery import deliver_or_raise
from chezflora.bootstrap import Container
from chezflora.entrypoints.worker import jobs

log = logging.getLogger(__name__)

# Longer than an SMTP conversation (10 s timeout per step), short enough to recover quickly
# from a worker killed while holding it.
SENDING_CLAIM_SECONDS = 120
JOB_TIME_LIMIT_MS = 2 * 60 * 60 * 1000


@dataclass(frozen=True)
class Actors:
    deliver_email: dramatiq.Actor[[int], None]
    email_gave_up: dramatiq.Actor[[dict[str, Any], dict[str, Any]], None]
    run_job: dramatiq.Actor[[str], None]


def declare_actors(broker: dramatiq.Broker, container: Container) -> Actors:
    settings = container.settings
    guard = container.jobs.transport.guard

    queued_ttl = container.jobs.transport.queued_ttl

    def deliver_email(email_id: int) -> None:
        # The row has a live message (this one, and its retries): the relay leaves it alone
        # until the chain gives up (email_gave_up) or the mark expires.
        guard.mark_queued(email_id, queued_ttl, only_if_absent=False)
        # Duplicates are expected (relay sweep, redelivery); the claim keeps them from
        # sending in parallel, and a row already sent is skipped by deliver_or_raise.
        if not guard.claim(email_id, SENDING_CLAIM_SECONDS):
            log.info("e-mail %s is being sent by another worker", email_id)
            return
        try:
            deliver_or_raise(container.outbox, container.email_sender, container.clock, email_id)
        finally:
            guard.release(email_id)

    def email_gave_up(message: dict[str, Any], _retries: dict[str, Any]) -> None:
        # The row stays unsent; without its `queued` mark the next relay sweep starts a new
        # retry chain, so a long SMTP outage costs one chain at a time, never a lost e-mail.
        email_id = int(message["args"][0])
        log.warning("e-mail %s: retries exhausted, left to the outbox relay", email_id)
        guard.unmark_queued(email_id)

    def run_job(name: str) -> None:
        log.info("job %s: %s", name, jobs.run(container, name))

    gave_up = dramatiq.actor(
        broker=broker, actor_name=EMAIL_GAVE_UP, queue_name=EMAIL_QUEUE, max_retries=3
    )(email_gave_up)
    return Actors(
        email_gave_up=gave_up,
        deliver_email=dramatiq.actor(
            broker=broker,
            actor_name=DELIVER_EMAIL,
            queue_name=EMAIL_QUEUE,
            max_retries=settings.email_max_retries,
            min_backoff=settings.email_min_backoff_ms,
            max_backoff=settings.email_max_backoff_ms,
            on_retry_exhausted=EMAIL_GAVE_UP,
        )(deliver_email),
        run_job=dramatiq.actor(
            broker=broker,
            actor_name=RUN_JOB,
            queue_name=JOBS_QUEUE,
            max_retries=2,
            min_backoff=30_000,
            max_backoff=300_000,
            time_limit=JOB_TIME_LIMIT_MS,
            throws=(jobs.JobUnavailable,),
        )(run_job),
    )
