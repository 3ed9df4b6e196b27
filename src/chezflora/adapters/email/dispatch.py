"""Delivering committed outbox e-mails outside the request, in a background thread."""

from __future__ import annotations

import logging
import queue
import threading

from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.application.ports import Clock, EmailSender

log = logging.getLogger(__name__)


def deliver_one(store: OutboxStore, sender: EmailSender, clock: Clock, email_id: int) -> bool:
    """Send a pending e-mail and mark it sent; a failure leaves it pending (to be retried)."""
    email = store.pending(email_id)
    if email is None:
        return True
    try:
        sender.send(email)
    except Exception as exc:
        log.warning("e-mail %s not delivered: %s", email_id, exc)
        store.mark_failed(email_id, repr(exc))
        return False
    store.mark_sent(email_id, clock.now())
    return True


class ThreadedEmailDispatcher:
    """In-process delivery: a daemon thread drains a queue of outbox ids."""

    def __init__(self, store: OutboxStore, sender: EmailSender, clock: Clock) -> None:
        self._store, self._sender, self._clock = store, sender, clock
        self._queue: queue.Queue[int] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def dispatch(self, email_ids: list[int]) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="email-dispatch", daemon=True
                )
                self._thread.start()
        for email_id in email_ids:
            self._queue.put(email_id)

    def flush(self) -> None:
        """Wait until everything queued so far was attempted (tests, shutdown)."""
        self._queue.join()

    def _run(self) -> None:
        while True:
            email_id = self._queue.get()
            try:
                deliver_one(self._store, self._sender, self._clock, email_id)
            finally:
                self._queue.task_done()


class InlineEmailDispatcher:
    """Delivers right after commit in the caller's thread (unit tests, CLI)."""

    def __init__(self, store: OutboxStore, sender: EmailSender, clock: Clock) -> None:
        self._store, self._sender, self._clock = store, sender, clock

    def dispatch(self, email_ids: list[int]) -> None:
        for email_id in email_ids:
            deliver_one(self._store, self._sender, self._clock, email_id)
