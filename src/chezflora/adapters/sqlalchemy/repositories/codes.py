"""One-time codes in SQL, with the single-use and attempt counters done as atomic updates."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.identity import one_time_codes as codes
from chezflora.domain.one_time_code import MAX_ATTEMPTS, CodePurpose, OneTimeCode


class SqlCodeRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, code: OneTimeCode) -> None:
        values = {
            "user_id": code.user_id,
            "purpose": code.purpose.value,
            "code_hash": code.code_hash,
            "created_at": code.created_at,
            "expires_at": code.expires_at,
            "attempts": code.attempts,
            "used_at": code.used_at,
        }
        code.id = inserted_id(self._conn.execute(sa.insert(codes).values(**values)))

    def latest(self, user_id: int, purpose: CodePurpose) -> OneTimeCode | None:
        row = self._conn.execute(
            sa.select(codes)
            .where(codes.c.user_id == user_id, codes.c.purpose == purpose.value)
            .order_by(codes.c.id.desc())
            .limit(1)
        ).first()
        if row is None:
            return None
        values = dict(row._mapping)
        values["purpose"] = CodePurpose(values["purpose"])
        return OneTimeCode(**values)

    def delete_for(self, user_id: int, purpose: CodePurpose) -> None:
        self._conn.execute(
            sa.delete(codes).where(codes.c.user_id == user_id, codes.c.purpose == purpose.value)
        )

    def consume(self, code_id: int, now: datetime) -> bool:
        result = self._conn.execute(
            sa.update(codes)
            .where(
                codes.c.id == code_id,
                codes.c.used_at.is_(None),
                codes.c.attempts < MAX_ATTEMPTS,
            )
            .values(used_at=now)
        )
        return result.rowcount == 1

    def record_failure(self, code_id: int) -> None:
        self._conn.execute(
            sa.update(codes).where(codes.c.id == code_id).values(attempts=codes.c.attempts + 1)
        )

    def purge_expired(self, now: datetime) -> int:
        result = self._conn.execute(
            sa.delete(codes).where(sa.or_(codes.c.expires_at < now, codes.c.used_at.is_not(None)))
        )
        return int(result.rowcount)
