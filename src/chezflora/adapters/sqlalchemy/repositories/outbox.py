"""The e-mail outbox: rows written in the business transaction, delivered after commit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.identity import outbox_emails
from chezflora.application.ports import Clock, OutgoingEmail

_INSERT = Prepared(sa.insert(outbox_emails))


class SqlOutbox:
    def __init__(self, conn: Connection, clock: Clock) -> None:
        self._conn, self._clock = conn, clock
        self._recorded: list[int] = []

    def add(self, email: OutgoingEmail) -> None:
        result = _INSERT.run(
            self._conn,
            {
                "recipient": email.to,
                "template": email.template,
                "context": email.context,
                "created_at": self._clock.now(),
                "attempts": 0,
            },
        )
        self._recorded.append(result.lastrowid)

    def take_recorded(self) -> list[int]:
        recorded, self._recorded = self._recorded, []
        return recorded


class OutboxStore:
    """What the delivery side needs: load a pending e-mail, mark it sent or failed, list pending."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def pending(self, email_id: int) -> OutgoingEmail | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                sa.select(outbox_emails).where(
                    outbox_emails.c.id == email_id, outbox_emails.c.sent_at.is_(None)
                )
            ).first()
        return None if row is None else _email(row)

    def pending_ids(self, limit: int = 500, created_before: datetime | None = None) -> list[int]:
        with self._engine.connect() as conn:
            query = (
                sa.select(outbox_emails.c.id)
                .where(outbox_emails.c.sent_at.is_(None))
                .order_by(outbox_emails.c.id)
                .limit(limit)
            )
            if created_before is not None:
                query = query.where(outbox_emails.c.created_at < created_before)
            return [int(i) for i in conn.execute(query).scalars()]

    def mark_sent(self, email_id: int, now: datetime) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                sa.update(outbox_emails)
                .where(outbox_emails.c.id == email_id)
                .values(sent_at=now, attempts=outbox_emails.c.attempts + 1)
            )

    def mark_failed(self, email_id: int, error: str) -> None:
        with self._engine.begin() as conn:
            conn.execute(
                sa.update(outbox_emails)
                .where(outbox_emails.c.id == email_id)
                .values(attempts=outbox_emails.c.attempts + 1, last_error=error[:500])
            )


def _email(row: Any) -> OutgoingEmail:
    return OutgoingEmail(to=row.recipient, template=row.template, context=dict(row.context))
