"""Site parameters in SQL."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.identity import parameters
from chezflora.domain.parameter import Parameter


def parameter_from_row(row: Any) -> Parameter:
    return Parameter(**dict(row._mapping))


class SqlParameterRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, parameter_id: int) -> Parameter | None:
        row = self._conn.execute(
            sa.select(parameters).where(parameters.c.id == parameter_id)
        ).first()
        return None if row is None else parameter_from_row(row)

    def by_key(self, cle: str) -> Parameter | None:
        row = self._conn.execute(sa.select(parameters).where(parameters.c.cle == cle)).first()
        return None if row is None else parameter_from_row(row)

    def values(self, keys: Iterable[str]) -> dict[str, str]:
        query = sa.select(parameters.c.cle, parameters.c.valeur).where(
            parameters.c.cle.in_(list(keys))
        )
        return {row.cle: row.valeur for row in self._conn.execute(query)}

    def add(self, parameter: Parameter) -> None:
        result = self._conn.execute(sa.insert(parameters).values(**self._values(parameter)))
        parameter.id = inserted_id(result)

    def save(self, parameter: Parameter) -> None:
        self._conn.execute(
            sa.update(parameters)
            .where(parameters.c.id == parameter.id)
            .values(**self._values(parameter))
        )

    def delete(self, parameter_id: int) -> None:
        self._conn.execute(sa.delete(parameters).where(parameters.c.id == parameter_id))

    @staticmethod
    def _values(p: Parameter) -> dict[str, Any]:
        return {
            "cle": p.cle,
            "valeur": p.valeur,
            "description": p.description,
            "date_mise_a_jour": p.date_mise_a_jour,
        }
