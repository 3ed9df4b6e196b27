"""Admin side of workshops: create, change, delete, cancel with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from chezflora.application.ports import Clock
from chezflora.application.shopping.common import retrying
from chezflora.application.workshops import notices, seats
from chezflora.application.workshops.ports import WorkshopUnitOfWorkFactory
from chezflora.application.workshops.registration import load
from chezflora.domain.money import Money
from chezflora.domain.workshop import RegistrationStatus, Workshop, check_fields


@dataclass(frozen=True, slots=True)
class WorkshopFields:
    """Create: every field but description/is_active is required. Update: None = unchanged."""

    nom: str | None = None
    description: str | None = None
    date: datetime | None = None
    duree: int | None = None
    prix: Decimal | None = None
    places_totales: int | None = None
    is_active: bool | None = None


class CreateWorkshop:
    """Admin: a workshop with all its seats free (`places_disponibles == places_totales`)."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, fields: WorkshopFields) -> int:
        assert fields.nom is not None and fields.date is not None
        assert fields.duree is not None and fields.prix is not None
        assert fields.places_totales is not None
        workshop = Workshop(
            id=0,
            nom=fields.nom.strip(),
            description=fields.description or "",
            date=fields.date,
            duree=fields.duree,
            prix=Money(fields.prix),
            places_totales=fields.places_totales,
            is_active=True if fields.is_active is None else fields.is_active,
        )
        check_fields(workshop.nom, workshop.duree, workshop.prix, workshop.places_totales)
        now = self._clock.now()
        with self._uow() as uow:
            uow.workshops.add(workshop, now)
            uow.commit()
        return workshop.id


class UpdateWorkshop:
    """Admin, partial: `places_totales` never below the seats taken (400 on the field); seats
    added go to the waiting list at once (seat, payment, e-mail each)."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self, workshop_id: int, fields: WorkshopFields) -> None:
        retrying(lambda: self._once(workshop_id, fields))

    def _once(self, workshop_id: int, fields: WorkshopFields) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            workshop = load(uow, workshop_id, for_update=True)
            _apply(workshop, fields)
            uow.workshops.save(workshop, now)
            seats.fill_freed_seats(uow, workshop, now, self._tz)
            uow.commit()


def _apply(workshop: Workshop, fields: WorkshopFields) -> None:
    if fields.nom is not None:
        workshop.nom = fields.nom.strip()
    if fields.description is not None:
        workshop.description = fields.description
    if fields.date is not None:
        workshop.date = fields.date
    if fields.duree is not None:
        workshop.duree = fields.duree
    if fields.prix is not None:
        workshop.prix = Money(fields.prix)
    if fields.is_active is not None:
        workshop.is_active = fields.is_active
    check_fields(workshop.nom, workshop.duree, workshop.prix, workshop.places_totales)
    if fields.places_totales is not None:
        workshop.resize(fields.places_totales)


class DeleteWorkshop:
    """Admin: the workshop and its registrations go; their seat payments are settled first
    (refunded or failed) and keep their link to the workshop id for the accounts."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, workshop_id: int) -> None:
        retrying(lambda: self._once(workshop_id))

    def _once(self, workshop_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            load(uow, workshop_id, for_update=True)
            for registration in uow.registrations.of_workshop(workshop_id):
                if registration.status.holds_seat and registration.id is not None:
                    seats.settle_payment(uow, registration.id, now)
            uow.workshops.delete(workshop_id)
            uow.commit()


class CancelWorkshop:
    """Admin, `raison` required (400): deactivates; every seat's payment is refunded or fails;
    every participant and waiting client is e-mailed the reason; one transaction with the
    outbox rows. Already cancelled → 409."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self, workshop_id: int, reason: str) -> int:
        return retrying(lambda: self._once(workshop_id, reason))

    def _once(self, workshop_id: int, reason: str) -> int:
        now = self._clock.now()
        with self._uow() as uow:
            workshop = load(uow, workshop_id, for_update=True)
            workshop.cancel(reason, now)
            registrations = uow.registrations.of_workshop(workshop_id)
            for registration in registrations:
                assert registration.id is not None
                if registration.status.holds_seat:
                    seats.settle_payment(uow, registration.id, now)
                uow.registrations.move(
                    registration.id, registration.status, RegistrationStatus.ANNULE, now
                )
                notices.notify(
                    uow,
                    registration.user_id,
                    notices.CANCELLED,
                    workshop,
                    self._tz,
                    raison=workshop.cancel_reason,
                )
            uow.workshops.save(workshop, now)
            uow.commit()
        return len(registrations)
