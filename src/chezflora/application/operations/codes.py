"""Removing one-time codes nobody can use any more."""

from __future__ import annotations

from chezflora.application.ports import Clock
from chezflora.application.unit_of_work import UnitOfWorkFactory


class PurgeExpiredCodes:
    """Deletes expired and used codes; returns how many went."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self) -> int:
        now = self._clock.now()
        with self._uow() as uow:
            removed = uow.codes.purge_expired(now)
            uow.commit()
        return removed
