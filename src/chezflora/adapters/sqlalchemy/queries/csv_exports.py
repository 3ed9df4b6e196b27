"""The `CsvExports` port on the registered SQL exports (queries/exports.py)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.exports import EXPORTS, count, rows


def described() -> Mapping[str, str]:
    """Known without a database: the CLI lists them in its help."""
    return {name: export.description for name, export in EXPORTS.items()}


class SqlCsvExports:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def described(self) -> Mapping[str, str]:
        return described()

    def columns(self, name: str) -> list[str]:
        return EXPORTS[name].columns

    def count(self, name: str) -> int:
        return count(self._engine, EXPORTS[name])

    def rows(self, name: str) -> Iterator[list[str]]:
        return rows(self._engine, EXPORTS[name])
