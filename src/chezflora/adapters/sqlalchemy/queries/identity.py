"""User and parameter lists in SQL (bounded: one count, one page)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.repositories.parameters import parameter_from_row
from chezflora.adapters.sqlalchemy.repositories.users import user_from_row
from chezflora.adapters.sqlalchemy.tables.identity import parameters, users
from chezflora.application.identity.queries import UserFilters
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.parameter import PUBLIC_KEYS, Parameter
from chezflora.domain.user import User


class SqlUserQueries:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def find(self, filters: UserFilters, options: ListOptions, page: PageRequest) -> Page[User]:
        query = sa.select(users).where(users.c.deleted_at.is_(None))
        if filters.role is not None:
            query = query.where(users.c.role == filters.role)
        if filters.is_active is not None:
            query = query.where(users.c.is_active.is_(filters.is_active))
        if filters.is_banned is not None:
            query = query.where(users.c.is_banned.is_(filters.is_banned))
        query = search(query, options.search, [users.c.username, users.c.email])
        allowed = {
            "username": users.c.username,
            "email": users.c.email,
            "date_creation": users.c.date_creation,
            "last_login": users.c.last_login,
            "role": users.c.role,
            "id": users.c.id,
        }
        query = order(query, options.ordering, allowed, [users.c.id.asc()], users.c.id)
        with self._engine.connect() as conn:
            return fetch_page(conn, query, page, user_from_row)

    def get(self, user_id: int) -> User | None:
        with self._engine.connect() as conn:
            row = conn.execute(
                sa.select(users).where(users.c.id == user_id, users.c.deleted_at.is_(None))
            ).first()
        return None if row is None else user_from_row(row)


class SqlParameterQueries:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def find(self, cle: str | None, options: ListOptions, page: PageRequest) -> Page[Parameter]:
        query = sa.select(parameters)
        if cle:
            query = query.where(parameters.c.cle == cle)
        query = search(query, options.search, [parameters.c.cle, parameters.c.valeur])
        allowed = {"cle": parameters.c.cle, "date_mise_a_jour": parameters.c.date_mise_a_jour}
        query = order(query, options.ordering, allowed, [parameters.c.cle.asc()], parameters.c.id)
        with self._engine.connect() as conn:
            return fetch_page(conn, query, page, parameter_from_row)

    def by_key(self, cle: str) -> list[Parameter]:
        with self._engine.connect() as conn:
            rows = conn.execute(sa.select(parameters).where(parameters.c.cle == cle)).all()
        return [parameter_from_row(r) for r in rows]

    def get(self, parameter_id: int) -> Parameter | None:
        with self._engine.connect() as conn:
            row = conn.execute(sa.select(parameters).where(parameters.c.id == parameter_id)).first()
        return None if row is None else parameter_from_row(row)

    def values(self, keys: Iterable[str]) -> dict[str, str]:
        query = sa.select(parameters.c.cle, parameters.c.valeur).where(
            parameters.c.cle.in_(list(keys))
        )
        with self._engine.connect() as conn:
            return {row.cle: row.valeur for row in conn.execute(query)}

    def public(self) -> list[Parameter]:
        query = sa.select(parameters).where(parameters.c.cle.in_(sorted(PUBLIC_KEYS)))
        with self._engine.connect() as conn:
            rows = conn.execute(query.order_by(parameters.c.cle)).all()
        return [parameter_from_row(r) for r in rows]
