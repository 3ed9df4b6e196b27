"""A deleted account gives its places back: its seats go to the waiting list (with their
payments settled) and its waiting-list entries disappear. Cancelled ones stay as history."""

from __future__ import annotations

from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from chezflora.application.unit_of_work import UnitOfWork
from chezflora.application.workshops import seats
from chezflora.application.workshops.ports import WorkshopUnitOfWork
from chezflora.domain.workshop import RegistrationStatus


class WorkshopPersonalData:
    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz

    def erase(self, uow: UnitOfWork, user_id: int, now: datetime) -> None:
        work = cast(WorkshopUnitOfWork, uow)
        for workshop_id in work.registrations.workshops_of_user(user_id):
            # The workshop row first, then the registration: the order every seat move keeps.
            workshop = work.workshops.get(workshop_id, for_update=True)
            registration = work.registrations.of_user(workshop_id, user_id, for_update=True)
            if workshop is None or registration is None:
                continue
            if registration.status is RegistrationStatus.ANNULE:
                continue
            seats.release(work, workshop, registration, now)
            seats.fill_freed_seats(work, workshop, now, self._tz)
