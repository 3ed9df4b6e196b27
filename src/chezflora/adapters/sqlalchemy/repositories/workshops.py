"""Workshops and registrations in SQL. Seats move by conditional UPDATEs, which lock the row."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.repositories.payments import payment_from_row
from chezflora.adapters.sqlalchemy.tables.shopping import payments
from chezflora.adapters.sqlalchemy.tables.workshops import workshop_registrations, workshops
from chezflora.domain.errors import Conflict
from chezflora.domain.money import Money
from chezflora.domain.payment import Payment
from chezflora.domain.workshop import (
    ALREADY_REGISTERED,
    Registration,
    RegistrationStatus,
    Workshop,
)

_W, _R = workshops.c, workshop_registrations.c
_WAITING = RegistrationStatus.EN_ATTENTE.value
_SEATED = (RegistrationStatus.INSCRIT.value, RegistrationStatus.CONFIRME.value)


def workshop_from_row(row: Any) -> Workshop:
    return Workshop(
        id=row.id,
        nom=row.nom,
        description=row.description,
        date=row.date,
        duree=row.duree,
        prix=Money(row.prix),
        places_totales=row.places_totales,
        seats_taken=row.places_prises,
        is_active=row.is_active,
        cancelled_at=row.date_annulation,
        cancel_reason=row.raison_annulation,
    )


def registration_from_row(row: Any) -> Registration:
    return Registration(
        id=row.id,
        workshop_id=row.atelier_id,
        user_id=row.utilisateur_id,
        status=RegistrationStatus(row.statut),
        registered_at=row.date_inscription,
    )


class SqlWorkshopRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, workshop_id: int, *, for_update: bool = False) -> Workshop | None:
        query = sa.select(workshops).where(_W.id == workshop_id)
        row = self._conn.execute(query.with_for_update() if for_update else query).first()
        return None if row is None else workshop_from_row(row)

    def add(self, workshop: Workshop, now: datetime) -> None:
        values = {**self._values(workshop, now), "date_creation": now}
        workshop.id = inserted_id(self._conn.execute(sa.insert(workshops).values(**values)))

    def save(self, workshop: Workshop, now: datetime) -> None:
        self._conn.execute(
            sa.update(workshops).where(_W.id == workshop.id).values(**self._values(workshop, now))
        )

    def delete(self, workshop_id: int) -> None:
        self._conn.execute(sa.delete(workshop_registrations).where(_R.atelier_id == workshop_id))
        self._conn.execute(sa.delete(workshops).where(_W.id == workshop_id))

    def take_seat(self, workshop_id: int, now: datetime) -> bool:
        result = self._conn.execute(
            sa.update(workshops)
            .where(
                _W.id == workshop_id,
                _W.is_active.is_(True),
                _W.date > now,
                _W.places_prises < _W.places_totales,
            )
            .values(places_prises=_W.places_prises + 1, date_mise_a_jour=now)
        )
        return result.rowcount == 1

    def free_seat(self, workshop_id: int, now: datetime) -> bool:
        result = self._conn.execute(
            sa.update(workshops)
            .where(_W.id == workshop_id, _W.places_prises > 0)
            .values(places_prises=_W.places_prises - 1, date_mise_a_jour=now)
        )
        return result.rowcount == 1

    @staticmethod
    def _values(workshop: Workshop, now: datetime) -> dict[str, Any]:
        return {
            "nom": workshop.nom,
            "description": workshop.description,
            "date": workshop.date,
            "duree": workshop.duree,
            "prix": workshop.prix.amount,
            "places_totales": workshop.places_totales,
            "places_prises": workshop.seats_taken,
            "is_active": workshop.is_active,
            "date_annulation": workshop.cancelled_at,
            "raison_annulation": workshop.cancel_reason,
            "date_mise_a_jour": now,
        }


class SqlRegistrationRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def of_user(
        self, workshop_id: int, user_id: int, *, for_update: bool = False
    ) -> Registration | None:
        query = sa.select(workshop_registrations).where(
            _R.atelier_id == workshop_id, _R.utilisateur_id == user_id
        )
        return self._one(query, for_update)

    def get(self, registration_id: int, *, for_update: bool = False) -> Registration | None:
        return self._one(
            sa.select(workshop_registrations).where(_R.id == registration_id), for_update
        )

    def add(self, registration: Registration, now: datetime) -> None:
        values = {
            "atelier_id": registration.workshop_id,
            "utilisateur_id": registration.user_id,
            "statut": registration.status.value,
            "date_inscription": registration.registered_at,
            "date_mise_a_jour": now,
        }
        try:
            result = self._conn.execute(sa.insert(workshop_registrations).values(**values))
        except IntegrityError:
            # The unique (workshop, user) key: a concurrent twin of this request won.
            raise Conflict(ALREADY_REGISTERED) from None
        registration.id = inserted_id(result)

    def remove(self, registration_id: int) -> None:
        self._conn.execute(sa.delete(workshop_registrations).where(_R.id == registration_id))

    def move(
        self,
        registration_id: int,
        current: RegistrationStatus,
        target: RegistrationStatus,
        now: datetime,
    ) -> bool:
        result = self._conn.execute(
            sa.update(workshop_registrations)
            .where(_R.id == registration_id, _R.statut == current.value)
            .values(statut=target.value, date_mise_a_jour=now)
        )
        return result.rowcount == 1

    def position(self, workshop_id: int, registration_id: int) -> int | None:
        mine = self.get(registration_id)
        if mine is None or mine.status is not RegistrationStatus.EN_ATTENTE:
            return None
        ahead = self._conn.execute(
            sa.select(sa.func.count()).where(
                _R.atelier_id == workshop_id, _R.statut == _WAITING, _R.id <= registration_id
            )
        ).scalar_one()
        return int(ahead)

    def workshops_of_user(self, user_id: int) -> list[int]:
        rows = self._conn.execute(
            sa.select(_R.atelier_id)
            .where(_R.utilisateur_id == user_id, _R.statut != RegistrationStatus.ANNULE.value)
            .order_by(_R.atelier_id)
        )
        return [int(workshop_id) for (workshop_id,) in rows]

    def first_waiting(self, workshop_id: int) -> Registration | None:
        query = (
            sa.select(workshop_registrations)
            .where(_R.atelier_id == workshop_id, _R.statut == _WAITING)
            .order_by(_R.id)
            .limit(1)
        )
        return self._one(query, True)

    def of_workshop(self, workshop_id: int) -> list[Registration]:
        rows = self._conn.execute(
            sa.select(workshop_registrations)
            .where(_R.atelier_id == workshop_id, _R.statut != RegistrationStatus.ANNULE.value)
            .order_by(_R.id)
            .with_for_update()
        )
        return [registration_from_row(row) for row in rows]

    def seat_payment(self, registration_id: int) -> Payment | None:
        row = self._conn.execute(
            sa.select(payments)
            .where(payments.c.inscription_id == registration_id)
            .order_by(payments.c.id.desc())
            .limit(1)
            .with_for_update()
        ).first()
        return None if row is None else payment_from_row(row)

    def due_reminders(self, now: datetime, until: datetime) -> list[tuple[Registration, Workshop]]:
        rows = self._conn.execute(
            sa.select(workshop_registrations, workshops)
            .join(workshops, workshops.c.id == _R.atelier_id)
            .where(
                _R.statut.in_(_SEATED),
                _R.rappel_envoye.is_(None),
                _W.is_active.is_(True),
                _W.date > now,
                _W.date <= until,
            )
            .order_by(_R.id)
        ).all()
        return [(self._registration(row), self._workshop(row)) for row in rows]

    def mark_reminded(self, registration_id: int, now: datetime) -> bool:
        result = self._conn.execute(
            sa.update(workshop_registrations)
            .where(_R.id == registration_id, _R.rappel_envoye.is_(None))
            .values(rappel_envoye=now)
        )
        return result.rowcount == 1

    def _one(self, query: sa.Select[Any], for_update: bool) -> Registration | None:
        row = self._conn.execute(query.with_for_update() if for_update else query).first()
        return None if row is None else registration_from_row(row)

    @staticmethod
    def _registration(row: Any) -> Registration:
        m = row._mapping
        return Registration(
            id=m[_R.id],
            workshop_id=m[_R.atelier_id],
            user_id=m[_R.utilisateur_id],
            status=RegistrationStatus(m[_R.statut]),
            registered_at=m[_R.date_inscription],
        )

    @staticmethod
    def _workshop(row: Any) -> Workshop:
        m = row._mapping
        return Workshop(
            id=m[_W.id],
            nom=m[_W.nom],
            description=m[_W.description],
            date=m[_W.date],
            duree=m[_W.duree],
            prix=Money(m[_W.prix]),
            places_totales=m[_W.places_totales],
            seats_taken=m[_W.places_prises],
            is_active=m[_W.is_active],
        )
