"""Which tables a committed transaction wrote, reported after the commit is visible to readers.

Writes are noted per DBAPI connection as statements run; a commit promotes them; the report is made
when the connection goes back to the pool, which is after the commit completed. Reporting before
the commit would let a reader cache the old rows under the new version.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

PENDING, COMMITTED = "chezflora_pending_writes", "chezflora_committed_writes"
# A statement run with this execution option is not reported by its table: its repository
# notes precisely what it made stale instead (`note_stale`), e.g. the stock of some products.
UNTRACKED = "chezflora_untracked"
Report = Callable[[set[str]], None]


def note_stale(conn: Any, names: Iterable[str]) -> None:
    """Report `names` (cache namespaces) along with the tables, once this transaction commits."""
    conn.connection.info.setdefault(PENDING, set()).update(names)


# One set of listeners per engine; the latest container to wire an engine receives its reports.
_REPORTS: weakref.WeakKeyDictionary[Engine, Report] = weakref.WeakKeyDictionary()


def track_committed_writes(engine: Engine, tables: Iterable[str], report: Report) -> None:
    installed = engine in _REPORTS
    _REPORTS[engine] = report
    if not installed:
        _install(engine, frozenset(tables))


def _install(engine: Engine, watched: frozenset[str]) -> None:

    @event.listens_for(engine, "after_cursor_execute")
    def _noted(
        conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: Any
    ) -> None:
        if context is None or not (context.isinsert or context.isupdate or context.isdelete):
            return
        if context.execution_options.get(UNTRACKED):
            return
        table = getattr(getattr(context.compiled, "statement", None), "table", None)
        name = getattr(table, "name", None)
        if name in watched:
            conn.connection.info.setdefault(PENDING, set()).add(name)

    @event.listens_for(engine, "commit")
    def _committed(conn: Any) -> None:
        info = conn.connection.info
        if info.get(PENDING):
            info.setdefault(COMMITTED, set()).update(info.pop(PENDING))

    @event.listens_for(engine, "rollback")
    def _rolled_back(conn: Any) -> None:
        conn.connection.info.pop(PENDING, None)

    @event.listens_for(engine.pool, "checkin")
    def _returned(dbapi_connection: Any, record: Any) -> None:
        if record is None:
            return
        written = record.info.pop(COMMITTED, None)
        record.info.pop(PENDING, None)
        report = _REPORTS.get(engine)
        if written and report is not None:
            report(written)
