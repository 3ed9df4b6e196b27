"""In-memory workshops and registrations: seats move by conditional updates, one
registration per (workshop, user), the waiting list is first come, first served."""

from __future__ import annotations

import copy
from datetime import datetime

from chezflora.domain.errors import Conflict
from chezflora.domain.payment import Payment
from chezflora.domain.workshop import ALREADY_REGISTERED, Registration, RegistrationStatus, Workshop
from tests.fakes.tables import Store, Tables


class InMemoryWorkshops:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, workshop_id: int, *, for_update: bool = False) -> Workshop | None:
        return copy.deepcopy(self._tables.workshops.get(workshop_id))

    def add(self, workshop: Workshop, now: datetime) -> None:
        workshop.id = self._store.new_id()
        self._tables.workshops[workshop.id] = copy.deepcopy(workshop)

    def save(self, workshop: Workshop, now: datetime) -> None:
        if workshop.id in self._tables.workshops:
            self._tables.workshops[workshop.id] = copy.deepcopy(workshop)

    def delete(self, workshop_id: int) -> None:
        t = self._tables
        t.registrations = {k: r for k, r in t.registrations.items() if r.workshop_id != workshop_id}
        t.workshops.pop(workshop_id, None)

    def take_seat(self, workshop_id: int, now: datetime) -> bool:
        w = self._tables.workshops.get(workshop_id)
        if w is None or not w.is_active or w.date <= now or w.seats_taken >= w.places_totales:
            return False
        w.seats_taken += 1
        return True

    def free_seat(self, workshop_id: int, now: datetime) -> bool:
        w = self._tables.workshops.get(workshop_id)
        if w is None or w.seats_taken <= 0:
            return False
        w.seats_taken -= 1
        return True


class InMemoryRegistrations:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def of_user(
        self, workshop_id: int, user_id: int, *, for_update: bool = False
    ) -> Registration | None:
        found = next(
            (
                r
                for r in self._tables.registrations.values()
                if r.workshop_id == workshop_id and r.user_id == user_id
            ),
            None,
        )
        return copy.deepcopy(found)

    def get(self, registration_id: int, *, for_update: bool = False) -> Registration | None:
        return copy.deepcopy(self._tables.registrations.get(registration_id))

    def add(self, registration: Registration, now: datetime) -> None:
        if self.of_user(registration.workshop_id, registration.user_id) is not None:
            raise Conflict(ALREADY_REGISTERED)
        registration.id = self._store.new_id()
        self._tables.registrations[registration.id] = copy.deepcopy(registration)

    def remove(self, registration_id: int) -> None:
        self._tables.registrations.pop(registration_id, None)

    def move(
        self,
        registration_id: int,
        current: RegistrationStatus,
        target: RegistrationStatus,
        now: datetime,
    ) -> bool:
        found = self._tables.registrations.get(registration_id)
        if found is None or found.status is not current:
            return False
        found.status = target
        return True

    def position(self, workshop_id: int, registration_id: int) -> int | None:
        mine = self._tables.registrations.get(registration_id)
        if mine is None or mine.status is not RegistrationStatus.EN_ATTENTE:
            return None
        return sum(r.id <= registration_id for r in self._waiting(workshop_id) if r.id is not None)

    def workshops_of_user(self, user_id: int) -> list[int]:
        return sorted(
            r.workshop_id
            for r in self._tables.registrations.values()
            if r.user_id == user_id and r.status is not RegistrationStatus.ANNULE
        )

    def first_waiting(self, workshop_id: int) -> Registration | None:
        return copy.deepcopy(next(iter(self._waiting(workshop_id)), None))

    def of_workshop(self, workshop_id: int) -> list[Registration]:
        return [
            copy.deepcopy(r)
            for _, r in sorted(self._tables.registrations.items())
            if r.workshop_id == workshop_id and r.status is not RegistrationStatus.ANNULE
        ]

    def seat_payment(self, registration_id: int) -> Payment | None:
        mine = [
            (k, p) for k, p in self._tables.payments.items() if p.registration_id == registration_id
        ]
        return copy.deepcopy(max(mine, key=lambda pair: pair[0])[1]) if mine else None

    def due_reminders(self, now: datetime, until: datetime) -> list[tuple[Registration, Workshop]]:
        t = self._tables
        due = []
        for registration_id, r in sorted(t.registrations.items()):
            w = t.workshops.get(r.workshop_id)
            if (
                w is not None
                and r.status.holds_seat
                and registration_id not in t.reminded_at
                and w.is_active
                and now < w.date <= until
            ):
                due.append((copy.deepcopy(r), copy.deepcopy(w)))
        return due

    def mark_reminded(self, registration_id: int, now: datetime) -> bool:
        reminded = self._tables.reminded_at
        if registration_id in reminded or registration_id not in self._tables.registrations:
            return False
        reminded[registration_id] = now
        return True

    def _waiting(self, workshop_id: int) -> list[Registration]:
        return [
            r
            for _, r in sorted(self._tables.registrations.items())
            if r.workshop_id == workshop_id and r.status is RegistrationStatus.EN_ATTENTE
        ]
