"""The outbox relay sweep: re-enqueue rows still unsent a while after their commit."""

from __future__ import annotations

from datetime import timedelta

from chezflora.adapters.jobs.guard import DeliveryGuard
from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.application.ports import Clock, EmailDispatcher


class RelayOutbox:
    """Catches rows whose message was lost (Redis down at commit, worker killed, retries spent).

    Rows with a live delivery message are skipped thanks to the guard's `queued` mark (set by
    the worker when it takes a message, and here when this enqueues one), so a long SMTP outage
    does not pile up one more message per row every minute. A row whose first message waited
    in the queue past `older_than` (no worker running) gets one more: the worker's sending
    claim and the row's sent state keep it from being sent twice.
    """

    def __init__(
        self,
        store: OutboxStore,
        dispatcher: EmailDispatcher,
        guard: DeliveryGuard,
        clock: Clock,
        *,
        older_than: timedelta,
        queued_ttl: int,
    ) -> None:
        self._store, self._dispatcher, self._guard, self._clock = store, dispatcher, guard, clock
        self._older_than, self._queued_ttl = older_than, queued_ttl

    def __call__(self) -> int:
        stale = self._store.pending_ids(created_before=self._clock.now() - self._older_than)
        fresh = [
            email_id
            for email_id in stale
            if self._guard.mark_queued(email_id, self._queued_ttl, only_if_absent=True)
        ]
        if fresh:
            self._dispatcher.dispatch(fresh)
        return len(fresh)
