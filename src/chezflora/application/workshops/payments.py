"""What a workshop seat does when its payment moves (plugged into shopping's payments).

- `simuler` confirms the seat: the registration goes `inscrit → confirme`.
- `rembourser` (admin) gives the seat up while it is still held: the registration goes, the
  seat is freed and offered to the waiting list; the payment itself is already `rembourse`.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast
from zoneinfo import ZoneInfo

from chezflora.application.unit_of_work import UnitOfWork
from chezflora.application.workshops import notices, seats
from chezflora.application.workshops.ports import WorkshopUnitOfWork
from chezflora.domain.payment import Payment
from chezflora.domain.workshop import RegistrationStatus


def _with_workshops(uow: UnitOfWork) -> WorkshopUnitOfWork:
    # One unit of work carries every repository; shopping's hook port names only its own.
    return cast(WorkshopUnitOfWork, uow)


class WorkshopPaymentHook:
    """Shopping's PaymentHook for `type_transaction == "atelier"`."""

    def __init__(self, tz: ZoneInfo) -> None:
        self._tz = tz

    def lock(self, uow: UnitOfWork, payment: Payment) -> None:
        # The workshop row first, as registering and leaving take it.
        if payment.workshop_id is not None:
            _with_workshops(uow).workshops.get(payment.workshop_id, for_update=True)

    def paid(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        if payment.registration_id is None:
            return
        _with_workshops(uow).registrations.move(
            payment.registration_id, RegistrationStatus.INSCRIT, RegistrationStatus.CONFIRME, now
        )

    def refunded(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        if payment.registration_id is None or payment.workshop_id is None:
            return
        work = _with_workshops(uow)
        registration = work.registrations.get(payment.registration_id, for_update=True)
        workshop = work.workshops.get(payment.workshop_id)
        if registration is None or workshop is None or not registration.status.holds_seat:
            return
        seats.release(work, workshop, registration, now, settle=False)
        notices.notify(work, registration.user_id, notices.UNREGISTERED, workshop, self._tz)
        seats.fill_freed_seats(work, workshop, now, self._tz)
