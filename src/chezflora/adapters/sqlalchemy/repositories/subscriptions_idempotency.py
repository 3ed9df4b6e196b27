"""Idempotency keys in SQL, each step its own short transaction (see RunOnce)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.tables.shopping import idempotency_keys
from chezflora.application.subscriptions.idempotency import PENDING
from chezflora.domain.idempotency import KeyScope, StoredResponse, is_expired


def _of(scope: KeyScope) -> sa.ColumnElement[bool]:
    return sa.and_(
        idempotency_keys.c.utilisateur_id == scope.user_id, idempotency_keys.c.cle == scope.key
    )


def _stored(row: Any) -> StoredResponse:
    return StoredResponse(row.fingerprint, row.status_code, bytes(row.body), row.created_at)


class SqlIdempotencyKeyStore:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def reserve(self, scope: KeyScope, fingerprint: str, now: datetime) -> StoredResponse | None:
        try:
            with self._engine.connect().execution_options(writer=True) as conn, conn.begin():
                row = conn.execute(
                    sa.select(idempotency_keys).where(_of(scope)).with_for_update()
                ).first()
                if row is not None and not is_expired(_stored(row), now):
                    return _stored(row)
                conn.execute(sa.delete(idempotency_keys).where(_of(scope)))
                conn.execute(
                    sa.insert(idempotency_keys).values(
                        utilisateur_id=scope.user_id,
                        cle=scope.key,
                        fingerprint=fingerprint,
                        status_code=PENDING,
                        body=b"",
                        created_at=now,
                    )
                )
        except IntegrityError:
            # A concurrent request claimed the key between our read and our insert.
            held = self._held(scope)
            return held if held is not None else self.reserve(scope, fingerprint, now)
        return None

    def _held(self, scope: KeyScope) -> StoredResponse | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(idempotency_keys).where(_of(scope))).first()
        return None if row is None else _stored(row)

    def complete(self, scope: KeyScope, status: int, body: bytes) -> None:
        with self._engine.connect().execution_options(writer=True) as conn, conn.begin():
            conn.execute(
                sa.update(idempotency_keys).where(_of(scope)).values(status_code=status, body=body)
            )

    def release(self, scope: KeyScope) -> None:
        with self._engine.connect().execution_options(writer=True) as conn, conn.begin():
            conn.execute(
                sa.delete(idempotency_keys).where(
                    _of(scope), idempotency_keys.c.status_code == PENDING
                )
            )
