"""What workshop use cases need from storage. Seats move only through conditional updates."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.payment import Payment
from chezflora.domain.workshop import Registration, RegistrationStatus, Workshop


class WorkshopRepository(Protocol):
    def get(self, workshop_id: int, *, for_update: bool = False) -> Workshop | None:
        """`for_update` locks the workshop row: every seat move of it waits behind this one."""
        ...

    def add(self, workshop: Workshop, now: datetime) -> None:
        """Insert and set `workshop.id`."""
        ...

    def save(self, workshop: Workshop, now: datetime) -> None:
        """Write every field, `seats_taken` included (call with the row locked)."""
        ...

    def delete(self, workshop_id: int) -> None: ...

    def take_seat(self, workshop_id: int, now: datetime) -> bool:
        """One seat more if active, still to come and not full; False when none was taken."""
        ...

    def free_seat(self, workshop_id: int, now: datetime) -> bool:
        """One seat less (never below zero)."""
        ...


class RegistrationRepository(Protocol):
    def of_user(
        self, workshop_id: int, user_id: int, *, for_update: bool = False
    ) -> Registration | None: ...
    def get(self, registration_id: int, *, for_update: bool = False) -> Registration | None: ...
    def add(self, registration: Registration, now: datetime) -> None:
        """Insert and set its id; a second row for the same user and workshop → Conflict."""
        ...

    def remove(self, registration_id: int) -> None: ...
    def move(
        self,
        registration_id: int,
        current: RegistrationStatus,
        target: RegistrationStatus,
        now: datetime,
    ) -> bool:
        """Conditional status change; False when another transaction moved it first."""
        ...

    def position(self, workshop_id: int, registration_id: int) -> int | None:
        """1-based rank of a waiting-list entry (oldest first); None when not waiting."""
        ...

    def workshops_of_user(self, user_id: int) -> list[int]:
        """Workshops where the user holds a seat or waits, by id."""
        ...

    def first_waiting(self, workshop_id: int) -> Registration | None:
        """The oldest waiting-list entry, locked."""
        ...

    def of_workshop(self, workshop_id: int) -> list[Registration]:
        """Every registration but cancelled ones, oldest first, locked."""
        ...

    def seat_payment(self, registration_id: int) -> Payment | None:
        """The newest payment that pays for this registration, locked."""
        ...

    def due_reminders(self, now: datetime, until: datetime) -> list[tuple[Registration, Workshop]]:
        """Seat holders of active workshops in (now, until] not yet reminded."""
        ...

    def mark_reminded(self, registration_id: int, now: datetime) -> bool:
        """Once per registration: False when already reminded."""
        ...


class WorkshopUnitOfWork(UnitOfWork, Protocol):
    @property
    def workshops(self) -> WorkshopRepository: ...
    @property
    def registrations(self) -> RegistrationRepository: ...
    def __enter__(self) -> WorkshopUnitOfWork: ...


class WorkshopUnitOfWorkFactory(Protocol):
    def __call__(self) -> WorkshopUnitOfWork: ...
