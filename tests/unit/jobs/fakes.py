"""Doubles for the delivery side: an outbox store in memory and a sender that can fail."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from chezflora.adapters.jobs.broker import make_broker
from chezflora.adapters.jobs.guard import MemoryDeliveryGuard
from chezflora.application.ports import OutgoingEmail
from chezflora.config import Settings
from tests.fakes import FakeClock


@dataclass
class Row:
    email: OutgoingEmail
    created_at: datetime
    attempts: int = 0
    sent_at: datetime | None = None
    last_error: str | None = None


class InMemoryOutboxStore:
    def __init__(self) -> None:
        self.rows: dict[int, Row] = {}
        self._lock = threading.Lock()

    def add(self, email: OutgoingEmail, created_at: datetime) -> int:
        email_id = len(self.rows) + 1
        self.rows[email_id] = Row(email, created_at)
        return email_id

    def pending(self, email_id: int) -> OutgoingEmail | None:
        row = self.rows.get(email_id)
        return None if row is None or row.sent_at else row.email

    def pending_ids(self, limit: int = 500, created_before: datetime | None = None) -> list[int]:
        return [
            i
            for i, row in sorted(self.rows.items())
            if row.sent_at is None and (created_before is None or row.created_at < created_before)
        ][:limit]

    def mark_sent(self, email_id: int, now: datetime) -> None:
        with self._lock:
            self.rows[email_id].sent_at = now
            self.rows[email_id].attempts += 1

    def mark_failed(self, email_id: int, error: str) -> None:
        with self._lock:
            self.rows[email_id].attempts += 1
            self.rows[email_id].last_error = error


@dataclass
class FlakySender:
    """Fails the first `failures` sends, then records every e-mail it is given."""

    failures: int = 0
    sent: list[OutgoingEmail] = field(default_factory=list)
    calls: int = 0

    def send(self, email: OutgoingEmail) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionRefusedError("smtp down")
        self.sent.append(email)


def fake_container(**settings: Any) -> SimpleNamespace:
    """Just what the actors read from a container, on a fresh in-memory broker."""
    clock = FakeClock()
    config = Settings(
        email_max_retries=settings.pop("email_max_retries", 3),
        email_min_backoff_ms=1,
        email_max_backoff_ms=5,
        **settings,
    )
    guard = MemoryDeliveryGuard()
    broker = make_broker("")
    return SimpleNamespace(
        settings=config,
        clock=clock,
        outbox=InMemoryOutboxStore(),
        email_sender=FlakySender(),
        jobs=SimpleNamespace(broker=broker, transport=SimpleNamespace(guard=guard, queued_ttl=600)),
    )
