"""Engines for SQLite (zero configuration) and MariaDB/MySQL (production)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Engine

# A row lock waited on longer than this fails the statement (1205): the transaction is run
# again (unit_of_work.py), and a duplicate Idempotency-Key stops waiting for the first (409).
LOCK_WAIT_SECONDS = 5


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    # READ COMMITTED: conditional stock updates see the latest committed row, and gap locks
    # of REPEATABLE READ do not turn concurrent checkouts into deadlocks.
    # No ping per checkout and no reset ROLLBACK on return: every connection is used through a
    # Connection that ends its own transaction, connections are recycled well before the
    # server's idle timeout, and a connection found dead is invalidated by SQLAlchemy (a write
    # transaction is then run again on a fresh one; see unit_of_work.py).
    return sa.create_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,
        pool_recycle=600,
        pool_reset_on_return=None,
        isolation_level="READ COMMITTED",
        connect_args={
            "charset": "utf8mb4",
            "init_command": f"SET SESSION innodb_lock_wait_timeout = {LOCK_WAIT_SECONDS}",
        },
    )


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is switched off so BEGIN IMMEDIATE below
        # takes the write lock up front: two writers then queue instead of failing to upgrade.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: sa.Connection) -> None:
        writer = connection.get_execution_options().get("writer", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")

    return engine
