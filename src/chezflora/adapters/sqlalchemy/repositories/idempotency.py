"""Idempotency keys in SQL: the unique (user, key) pair settles concurrent duplicates."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.shopping import idempotency_keys as keys
from chezflora.application.shopping.repositories import KeyStillInUse
from chezflora.domain.idempotency import StoredResponse

PENDING = 0
LOCK_WAIT_TIMEOUT = 1205
_ROW = sa.and_(keys.c.utilisateur_id == sa.bindparam("user_id"), keys.c.cle == sa.bindparam("key"))
_CLAIM = Prepared(sa.insert(keys))
_FIND = sa.select(keys.c.fingerprint, keys.c.status_code, keys.c.body, keys.c.created_at).where(
    _ROW
)
_COMPLETE = Prepared(sa.update(keys).where(_ROW))


class SqlIdempotencyRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _row(self, user_id: int, key: str) -> sa.ColumnElement[bool]:
        return sa.and_(keys.c.utilisateur_id == user_id, keys.c.cle == key)

    def claim(self, user_id: int, key: str, fingerprint: str, now: datetime) -> bool:
        # No savepoint: on MariaDB and SQLite a refused INSERT undoes only itself. While
        # another transaction holds the same (user, key), MariaDB makes this INSERT wait for
        # it (innodb_lock_wait_timeout, set per connection in engine.py), then refuses it.
        try:
            _CLAIM.run(
                self._conn,
                {
                    "utilisateur_id": user_id,
                    "cle": key,
                    "fingerprint": fingerprint,
                    "status_code": PENDING,
                    "body": b"",
                    "created_at": now,
                },
            )
        except IntegrityError:
            return False
        except OperationalError as exc:
            if getattr(exc.orig, "args", (None,))[0] == LOCK_WAIT_TIMEOUT:
                raise KeyStillInUse(key) from exc
            raise
        return True

    def find(self, user_id: int, key: str) -> StoredResponse | None:
        row = self._conn.execute(_FIND, {"user_id": user_id, "key": key}).first()
        if row is None:
            return None
        return StoredResponse(
            fingerprint=row.fingerprint,
            status=row.status_code,
            body=bytes(row.body),
            created_at=row.created_at,
        )

    def complete(self, user_id: int, key: str, status: int, body: bytes) -> None:
        _COMPLETE.run(
            self._conn, {"user_id": user_id, "key": key, "status_code": status, "body": body}
        )

    def release(self, user_id: int, key: str) -> None:
        self._conn.execute(
            sa.delete(keys).where(self._row(user_id, key), keys.c.status_code == PENDING)
        )

    def replace_expired(
        self, user_id: int, key: str, expired_at: datetime, fingerprint: str, now: datetime
    ) -> bool:
        result = self._conn.execute(
            sa.update(keys)
            .where(self._row(user_id, key), keys.c.created_at == expired_at)
            .values(fingerprint=fingerprint, status_code=PENDING, body=b"", created_at=now)
        )
        return result.rowcount == 1
