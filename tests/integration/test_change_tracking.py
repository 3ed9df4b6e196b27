"""Committed writes to watched tables are reported once, after the commit; rollbacks never."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.change_tracking import track_committed_writes
from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.tables.identity import parameters


def _insert(conn, cle: str) -> None:
    conn.execute(
        sa.insert(parameters).values(cle=cle, valeur="v", date_mise_a_jour=datetime.now(UTC))
    )


def test_writes_are_reported_after_commit_and_not_after_rollback(database_url, clean_engine):
    engine = make_engine(database_url, pool_size=2)
    reports: list[set[str]] = []
    track_committed_writes(engine, {"parameters"}, reports.append)
    try:
        with engine.connect() as conn:
            conn.execute(sa.select(parameters)).all()
        assert reports == []
        with engine.begin() as conn:
            _insert(conn, "a")
            assert reports == []
        assert reports == [{"parameters"}]
        with engine.connect() as conn, conn.begin() as transaction:
            _insert(conn, "b")
            transaction.rollback()
        assert reports == [{"parameters"}]
    finally:
        engine.dispose()
