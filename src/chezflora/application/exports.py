"""The CSV exports port: named tables of text rows, read by the CLI and the admin endpoints.

Each export has a description, fixed columns and rows streamed in batches (an export of the
whole shop must not sit in memory). Features register their exports in the adapter
(adapters/sqlalchemy/queries/exports.py, `EXPORTS`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol


class CsvExports(Protocol):
    def described(self) -> Mapping[str, str]:
        """Every export's name → what it holds."""
        ...

    def columns(self, name: str) -> list[str]: ...

    def count(self, name: str) -> int: ...

    def rows(self, name: str) -> Iterator[list[str]]:
        """The rows as text (dates ISO UTC, decimals with 2 places, booleans oui/non)."""
        ...
