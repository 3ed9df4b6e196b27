"""Delivering one committed outbox e-mail; the inline dispatcher for tests and the CLI.

In the running system the Dramatiq dispatcher (adapters/jobs) enqueues ids and the
`deliver_email` actor calls `deliver_or_raise` (application/email_delivery.py), so the Retries
middleware backs off on failure.
"""

from __future__ import annotations

import logging

from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.application.email_delivery import deliver_or_raise
from chezflora.application.ports import Clock, EmailSender

log = logging.getLogger(__name__)


def deliver_one(store: OutboxStore, sender: EmailSender, clock: Clock, email_id: int) -> bool:
    """Like `deliver_or_raise` but a failure only logs and leaves the row for the relay."""
    try:
        deliver_or_raise(store, sender, clock, email_id)
    except Exception as exc:
        log.warning("e-mail %s not delivered: %s", email_id, exc)
        return False
    return True


class InlineEmailDispatcher:
    """Delivers right after commit in the caller's thread (unit tests, CLI)."""

    def __init__(self, store: OutboxStore, sender: EmailSender, clock: Clock) -> None:
        self._store, self._sender, self._clock = store, sender, clock

    def dispatch(self, email_ids: list[int]) -> None:
        for email_id in email_ids:
            deliver_one(self._store, self._sender, self._clock, email_id)
