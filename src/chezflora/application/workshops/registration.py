"""A client takes a seat (or a place on the waiting list), or leaves it."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.common import retrying
from chezflora.application.workshops import notices, seats
from chezflora.application.workshops.ports import WorkshopUnitOfWork, WorkshopUnitOfWorkFactory
from chezflora.domain.errors import Conflict, Forbidden, NotFound
from chezflora.domain.workshop import (
    ALREADY_REGISTERED,
    ALREADY_WAITING,
    CLIENTS_ONLY,
    FULL,
    NOT_REGISTERED,
    Registration,
    RegistrationStatus,
    Workshop,
)

NOT_FOUND = "Atelier non trouvé"


@dataclass(frozen=True, slots=True)
class RegistrationOutcome:
    registration_id: int
    status: RegistrationStatus
    payment_id: int | None
    position: int | None


def load(uow: WorkshopUnitOfWork, workshop_id: int, *, for_update: bool = False) -> Workshop:
    workshop = uow.workshops.get(workshop_id, for_update=for_update)
    if workshop is None:
        raise NotFound(NOT_FOUND)
    return workshop


class RegisterForWorkshop:
    """Clients only (403): one seat taken atomically, one registration per user (409),
    active future workshops only (409). A `simule` payment of `prix` names the registration;
    the client is e-mailed. Full → 409 `Plus de places disponibles.`, unless `waiting_list`:
    then the client joins the FIFO waiting list (no seat, no payment yet)."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(
        self, actor: Viewer, workshop_id: int, *, waiting_list: bool = False
    ) -> RegistrationOutcome:
        if actor.is_admin:
            raise Forbidden(CLIENTS_ONLY)
        return retrying(lambda: self._once(actor.user_id, workshop_id, waiting_list))

    def _once(self, user_id: int, workshop_id: int, waiting_list: bool) -> RegistrationOutcome:
        now = self._clock.now()
        with self._uow() as uow:
            workshop = load(uow, workshop_id)
            workshop.ensure_open(now)
            self._refuse_twice(uow, workshop_id, user_id)
            # The conditional UPDATE is the seat: it also locks the row until commit.
            seated = uow.workshops.take_seat(workshop_id, now)
            if not seated and not waiting_list:
                raise Conflict(FULL)
            status = RegistrationStatus.INSCRIT if seated else RegistrationStatus.EN_ATTENTE
            registration = Registration(
                workshop_id=workshop_id, user_id=user_id, status=status, registered_at=now
            )
            uow.registrations.add(registration, now)
            assert registration.id is not None
            if seated:
                payment = seats.seat_payment_for(uow, workshop, registration, now)
                payment_id = payment.id
                notices.notify(
                    uow, user_id, notices.CONFIRMED, workshop, self._tz, paiement_id=payment_id
                )
                position = None
            else:
                payment_id = None
                position = uow.registrations.position(workshop_id, registration.id)
                notices.notify(uow, user_id, notices.WAITING, workshop, self._tz, position=position)
            uow.commit()
        return RegistrationOutcome(registration.id, status, payment_id, position)

    @staticmethod
    def _refuse_twice(uow: WorkshopUnitOfWork, workshop_id: int, user_id: int) -> None:
        existing = uow.registrations.of_user(workshop_id, user_id)
        if existing is None:
            return
        if existing.status is RegistrationStatus.ANNULE and existing.id is not None:
            uow.registrations.remove(existing.id)  # a cancelled workshop re-opened
            return
        waiting = existing.status is RegistrationStatus.EN_ATTENTE
        raise Conflict(ALREADY_WAITING if waiting else ALREADY_REGISTERED)


class UnregisterFromWorkshop:
    """The caller leaves (seat or waiting list) before the workshop starts. A freed seat:
    THIS registration's payment is refunded (effectue) or fails (simule), and the first
    waiting client is promoted (seat, payment, e-mail). Not registered → 409."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self, actor: Viewer, workshop_id: int) -> None:
        retrying(lambda: self._once(actor.user_id, workshop_id))

    def _once(self, user_id: int, workshop_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            workshop = load(uow, workshop_id, for_update=True)
            registration = uow.registrations.of_user(workshop_id, user_id, for_update=True)
            if registration is None or registration.status is RegistrationStatus.ANNULE:
                raise Conflict(NOT_REGISTERED)
            if registration.status.holds_seat:
                workshop.ensure_not_started(now)
            seats.release(uow, workshop, registration, now)
            notices.notify(uow, user_id, notices.UNREGISTERED, workshop, self._tz)
            seats.fill_freed_seats(uow, workshop, now, self._tz)
            uow.commit()
