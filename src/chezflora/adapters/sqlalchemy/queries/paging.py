"""Shared read-side helpers: one COUNT and one page query, search and whitelisted ordering."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.application.pagination import Page, PageRequest

T = TypeVar("T")


def fetch_page(
    conn: Connection, query: sa.Select[Any], page: PageRequest, to_item: Callable[[Any], T]
) -> Page[T]:
    total = conn.execute(
        sa.select(sa.func.count()).select_from(query.order_by(None).subquery())
    ).scalar_one()
    rows = conn.execute(query.limit(page.per_page).offset(page.offset)).all()
    return Page(items=[to_item(r) for r in rows], total=int(total), request=page)


def search(
    query: sa.Select[Any], term: str | None, columns: Sequence[sa.ColumnElement[Any]]
) -> sa.Select[Any]:
    if not term or not term.strip():
        return query
    pattern = f"%{_escape_like(term.strip().lower())}%"
    return query.where(sa.or_(*(sa.func.lower(c).like(pattern, escape="\\") for c in columns)))


def order(
    query: sa.Select[Any],
    ordering: str | None,
    allowed: Mapping[str, sa.ColumnElement[Any]],
    default: Sequence[sa.ColumnElement[Any]],
    tiebreak: sa.ColumnElement[Any],
) -> sa.Select[Any]:
    """`ordering=prix` or `-prix`, comma-separated; unknown keys are ignored (never a 400)."""
    clauses: list[sa.ColumnElement[Any]] = []
    for key in (ordering or "").split(","):
        key = key.strip()
        column = allowed.get(key.lstrip("-"))
        if column is not None:
            clauses.append(column.desc() if key.startswith("-") else column.asc())
    return query.order_by(*(clauses or default), tiebreak)


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
