"""Hot statements run straight on the driver's cursor, with SQLAlchemy's own conversions.

`Connection.execute` builds an execution context, a result object and its metadata on every call:
about 70-130 µs of CPU per statement, over a millisecond for a checkout. The statements of the
checkout flow are fixed, so `Prepared` compiles one once per dialect (and
per set of parameter names), keeps the bind and result conversions of its column types
(aware-UTC datetimes, booleans, decimals, JSON), and then only converts, sends and reads.

What it leaves out, on purpose: expanding `IN` parameters (refused), Python-side column defaults
(the tables have none) and the per-table change report of `change_tracking` (no execution
context). Use it on tables outside the read cache, or note what became stale
(`change_tracking.note_stale`), as the stock repository does. Statement listeners
(`before_cursor_execute`) still see every statement, and driver errors reach callers as
SQLAlchemy's own exceptions (`IntegrityError`, `OperationalError`, ...), a lost connection
invalidated as `Connection.execute` would.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement
from sqlalchemy.sql.expression import Select

Params = Mapping[str, Any]
Convert = Callable[[Any], Any] | None


class Done(NamedTuple):
    rowcount: int
    lastrowid: int


@dataclass(frozen=True, slots=True)
class _Plan:
    sql: str
    positional: bool
    names: tuple[str, ...]  # parameter order in `sql`
    binds: tuple[Convert, ...]
    defaults: dict[str, Any]  # values bound in the statement itself (`version + 1`)


@dataclass(slots=True)
class _Shape:
    """How rows come back: their tuple type, and per dialect the result conversions (known
    from the driver's column types after one execution)."""

    row: Callable[..., Any]
    types: tuple[Any, ...]
    converts: dict[str, tuple[Convert, ...]]


# The plain function: row fields are only known at run time.
_row_type: Callable[..., Callable[..., Any]] = namedtuple


class Prepared:
    def __init__(self, statement: ClauseElement) -> None:
        self._statement = statement
        self._plans: dict[tuple[str, tuple[str, ...]], _Plan] = {}
        self._shape: _Shape | None = None
        if isinstance(statement, Select):
            columns = list(statement.selected_columns)
            self._shape = _Shape(
                row=_row_type("Row", [c.key for c in columns], rename=True),
                types=tuple(c.type for c in columns),
                converts={},
            )

    def all(self, conn: Connection, params: Params | None = None) -> list[Any]:
        cursor = self._execute(conn, params or {})
        try:
            return self._rows(conn.dialect, cursor, cursor.fetchall())
        finally:
            cursor.close()

    def first(self, conn: Connection, params: Params | None = None) -> Any | None:
        rows = self.all(conn, params)
        return rows[0] if rows else None

    def run(self, conn: Connection, params: Params | None = None) -> Done:
        cursor = self._execute(conn, params or {})
        try:
            return Done(cursor.rowcount, cursor.lastrowid or 0)
        finally:
            cursor.close()

    def run_many(self, conn: Connection, rows: Sequence[Params]) -> None:
        if not rows:
            return
        plan = self._plan(conn.dialect, rows[0])
        values = [self._values(plan, row) for row in rows]
        cursor = conn.connection.cursor()
        try:
            self._send(conn, cursor, plan.sql, values, many=True)
        finally:
            cursor.close()

    def _execute(self, conn: Connection, params: Params) -> Any:
        plan = self._plan(conn.dialect, params)
        cursor = conn.connection.cursor()
        try:
            self._send(conn, cursor, plan.sql, self._values(plan, params), many=False)
        except BaseException:
            cursor.close()
            raise
        return cursor

    def _send(self, conn: Connection, cursor: Any, sql: str, values: Any, *, many: bool) -> None:
        if not conn.in_transaction():
            # What `Connection.execute` does on first use: the connection then knows it is in a
            # transaction and ends it (commit, or rollback on close) before the pool has it.
            conn.begin()
        for listener in conn.dispatch.before_cursor_execute:
            listener(conn, cursor, sql, values, None, many)
        dialect = conn.dialect
        try:
            if many:
                cursor.executemany(sql, values)
            else:
                cursor.execute(sql, values)
        except dialect.loaded_dbapi.Error as exc:
            lost = dialect.is_disconnect(exc, conn.connection.dbapi_connection, cursor)
            if lost:
                conn.invalidate(exc)
            raise DBAPIError.instance(
                sql,
                values,
                exc,
                dialect.loaded_dbapi.Error,
                connection_invalidated=lost,
                dialect=dialect,
            ) from exc

    @staticmethod
    def _values(plan: _Plan, params: Params) -> list[Any] | dict[str, Any]:
        values = []
        for name, convert in zip(plan.names, plan.binds, strict=True):
            value = params[name] if name in params else plan.defaults[name]
            values.append(value if convert is None or value is None else convert(value))
        return values if plan.positional else dict(zip(plan.names, values, strict=True))

    def _plan(self, dialect: Dialect, params: Params) -> _Plan:
        key = (dialect.name, tuple(sorted(params)))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._compile(dialect, list(key[1]))
            self._plans[key] = plan
        return plan

    def _compile(self, dialect: Dialect, names: list[str]) -> _Plan:
        compiled = self._statement.compile(dialect=dialect, column_keys=names)
        if not isinstance(compiled, SQLCompiler):
            raise TypeError(f"not a SQL statement: {self._statement!r}")
        # Positional drivers (sqlite3: `?`) take a list in this order; named ones (PyMySQL:
        # `%(name)s`) a mapping.
        positional = compiled.positiontup is not None
        order = list(compiled.positiontup or dict.fromkeys(compiled.bind_names.values()))
        binds = [compiled.binds[name] for name in order]
        if any(bind.expanding for bind in binds):
            raise ValueError("expanding IN parameters are not supported: use Connection.execute")
        return _Plan(
            sql=compiled.string,
            positional=positional,
            names=tuple(order),
            binds=tuple(bind.type.dialect_impl(dialect).bind_processor(dialect) for bind in binds),
            defaults={
                name: bind.effective_value
                for name, bind in zip(order, binds, strict=True)
                if not bind.required
            },
        )

    def _rows(self, dialect: Dialect, cursor: Any, raw: Sequence[Sequence[Any]]) -> list[Any]:
        shape = self._shape
        if shape is None:
            raise TypeError("only a SELECT returns rows")
        converts = shape.converts.get(dialect.name)
        if converts is None:
            codes = [column[1] for column in cursor.description]
            converts = tuple(
                kind.dialect_impl(dialect).result_processor(dialect, code)
                for kind, code in zip(shape.types, codes, strict=True)
            )
            shape.converts[dialect.name] = converts
        make = shape.row
        if not any(converts):
            return [make(*row) for row in raw]
        return [
            make(
                *(
                    value if convert is None or value is None else convert(value)
                    for value, convert in zip(row, converts, strict=True)
                )
            )
            for row in raw
        ]
