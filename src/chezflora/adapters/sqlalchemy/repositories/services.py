"""Services and réalisations in SQL ↔ `Service`, `Realisation`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.services import quotes, realisations, services
from chezflora.domain.service import Realisation, Service


def _service(row: Any) -> Service:
    return Service(id=row.id, name=row.nom, description=row.description, is_active=row.is_active)


def _realisation(row: Any) -> Realisation:
    return Realisation(
        id=row.id,
        service_id=row.service_id,
        title=row.titre,
        date=row.date,
        description=row.description,
        is_active=row.is_active,
        admin_id=row.admin_id,
    )


class SqlServiceRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, service_id: int) -> Service | None:
        row = self._conn.execute(sa.select(services).where(services.c.id == service_id)).first()
        return None if row is None else _service(row)

    def id_by_name(self, name: str) -> int | None:
        found = self._conn.execute(sa.select(services.c.id).where(services.c.nom == name))
        value = found.scalar()
        return None if value is None else int(value)

    def add(self, service: Service, now: datetime) -> int:
        values = {
            "nom": service.name,
            "description": service.description,
            "is_active": service.is_active,
            "date_creation": now,
        }
        return inserted_id(self._conn.execute(sa.insert(services).values(**values)))

    def save(self, service: Service) -> None:
        self._conn.execute(
            sa.update(services)
            .where(services.c.id == service.id)
            .values(nom=service.name, description=service.description, is_active=service.is_active)
        )

    def delete(self, service_id: int) -> None:
        self._conn.execute(sa.delete(services).where(services.c.id == service_id))

    def in_use(self, service_id: int) -> bool:
        used = sa.select(
            sa.exists().where(quotes.c.service_id == service_id)
            | sa.exists().where(realisations.c.service_id == service_id)
        )
        return bool(self._conn.execute(used).scalar())


class SqlRealisationRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, realisation_id: int) -> Realisation | None:
        query = sa.select(realisations).where(realisations.c.id == realisation_id)
        row = self._conn.execute(query).first()
        return None if row is None else _realisation(row)

    def add(self, realisation: Realisation, now: datetime) -> int:
        query = sa.insert(realisations).values(**self._values(realisation), date_creation=now)
        return inserted_id(self._conn.execute(query))

    def save(self, realisation: Realisation) -> None:
        self._conn.execute(
            sa.update(realisations)
            .where(realisations.c.id == realisation.id)
            .values(**self._values(realisation))
        )

    def delete(self, realisation_id: int) -> None:
        self._conn.execute(sa.delete(realisations).where(realisations.c.id == realisation_id))

    @staticmethod
    def _values(realisation: Realisation) -> dict[str, Any]:
        return {
            "service_id": realisation.service_id,
            "titre": realisation.title,
            "description": realisation.description,
            "date": realisation.date,
            "admin_id": realisation.admin_id,
            "is_active": realisation.is_active,
        }
