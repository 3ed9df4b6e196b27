"""Seat moves shared by registering, leaving, refunds and cancellation (inside a transaction).

Every path takes the workshop row's lock first (a conditional UPDATE or SELECT … FOR UPDATE),
then registrations, then payments: one order everywhere, so concurrent paths queue, never
deadlock, and a freed seat goes to exactly one waiting client.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from chezflora.application.workshops import notices
from chezflora.application.workshops.ports import WorkshopUnitOfWork
from chezflora.domain.errors import IllegalTransition
from chezflora.domain.payment import Payment, settle_on_cancel
from chezflora.domain.workshop import Registration, RegistrationStatus, Workshop


def seat_payment_for(
    uow: WorkshopUnitOfWork, workshop: Workshop, registration: Registration, now: datetime
) -> Payment:
    """A `simule` payment of `prix`, paid by the registered user, naming the registration."""
    assert registration.id is not None
    payment = Payment.for_workshop_seat(
        workshop.id, registration.id, registration.user_id, workshop.prix, now
    )
    uow.payments.add(payment)
    return payment


def settle_payment(uow: WorkshopUnitOfWork, registration_id: int, now: datetime) -> str | None:
    """The seat is gone: ITS payment is refunded (effectue) or fails (simule). New status."""
    payment = uow.registrations.seat_payment(registration_id)
    if payment is None or payment.id is None:
        return None
    target = settle_on_cancel(payment.status)
    if target is None:
        return None
    if not uow.payments.move(payment.id, payment.status, target, now):
        raise IllegalTransition("paiement", str(payment.status), str(target))
    return str(target)


def release(
    uow: WorkshopUnitOfWork,
    workshop: Workshop,
    registration: Registration,
    now: datetime,
    *,
    settle: bool = True,
) -> None:
    """Drop the registration; a seat holder frees the seat and its payment is settled."""
    assert registration.id is not None
    if registration.status.holds_seat:
        uow.workshops.free_seat(workshop.id, now)
        workshop.seats_taken = max(workshop.seats_taken - 1, 0)
        if settle:
            settle_payment(uow, registration.id, now)
    uow.registrations.remove(registration.id)


def fill_freed_seats(
    uow: WorkshopUnitOfWork, workshop: Workshop, now: datetime, tz: ZoneInfo
) -> list[int]:
    """Give free seats to the waiting list, first come first served: a seat, a payment and an
    e-mail each. Returns the promoted registration ids (call with the workshop row locked)."""
    promoted: list[int] = []
    while True:
        waiting = uow.registrations.first_waiting(workshop.id)
        if waiting is None or waiting.id is None:
            return promoted
        if not uow.workshops.take_seat(workshop.id, now):
            return promoted
        moved = uow.registrations.move(
            waiting.id, RegistrationStatus.EN_ATTENTE, RegistrationStatus.INSCRIT, now
        )
        if not moved:  # cannot happen under the workshop lock; never keep a seat for nobody
            uow.workshops.free_seat(workshop.id, now)
            return promoted
        workshop.seats_taken += 1
        waiting.status = RegistrationStatus.INSCRIT
        payment = seat_payment_for(uow, workshop, waiting, now)
        notices.notify(uow, waiting.user_id, notices.PROMOTED, workshop, tz, paiement_id=payment.id)
        promoted.append(waiting.id)
