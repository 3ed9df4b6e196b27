"""The workshop and registration repositories' clauses."""

from __future__ import annotations

from datetime import timedelta

import pytest

from chezflora.domain.errors import Conflict
from chezflora.domain.payment import Payment
from chezflora.domain.workshop import Registration, RegistrationStatus
from tests.repository_contract.rows import NOW, UowFactory, a_workshop, add_user

WAITING, SEATED, PAID = (
    RegistrationStatus.EN_ATTENTE,
    RegistrationStatus.INSCRIT,
    RegistrationStatus.CONFIRME,
)


def seats_are_taken_until_full_and_never_freed_below_zero(uow: UowFactory) -> None:
    workshop, past, closed = (
        a_workshop(seats=2),
        a_workshop("Passé", days_ahead=-1),
        a_workshop("Clos"),
    )
    closed.is_active = False
    with uow() as work:
        for w in (workshop, past, closed):
            work.workshops.add(w, NOW)
        work.commit()
    with uow() as work:
        assert vars(work.workshops.get(workshop.id, for_update=True)) == vars(workshop)
        assert work.workshops.take_seat(workshop.id, NOW)
        assert work.workshops.take_seat(workshop.id, NOW)
        assert not work.workshops.take_seat(workshop.id, NOW)
        assert not work.workshops.take_seat(past.id, NOW)
        assert not work.workshops.take_seat(closed.id, NOW)
        assert not work.workshops.take_seat(workshop.id + past.id + closed.id, NOW)
        work.commit()
    with uow() as work:
        assert work.workshops.get(workshop.id).seats_taken == 2
        assert work.workshops.free_seat(workshop.id, NOW)
        assert work.workshops.free_seat(workshop.id, NOW)
        assert not work.workshops.free_seat(workshop.id, NOW)
        loaded = work.workshops.get(workshop.id)
        assert loaded.seats_taken == 0
        loaded.places_totales = 5
        work.workshops.save(loaded, NOW)
        work.commit()
    with uow() as work:
        assert work.workshops.get(workshop.id).places_totales == 5


def _register(work, workshop_id: int, user_id: int, status: RegistrationStatus) -> Registration:
    registration = Registration(
        workshop_id=workshop_id, user_id=user_id, status=status, registered_at=NOW
    )
    work.registrations.add(registration, NOW)
    return registration


def registrations_are_unique_per_user_and_the_waiting_list_is_fifo(uow: UowFactory) -> None:
    with uow() as work:
        awa, binta, cheikh, dior = (add_user(work, n) for n in ("awa", "binta", "cheikh", "dior"))
        workshop, other = a_workshop(), a_workshop("Autre")
        work.workshops.add(workshop, NOW)
        work.workshops.add(other, NOW)
        seat = _register(work, workshop.id, awa, SEATED)
        first = _register(work, workshop.id, binta, WAITING)
        second = _register(work, workshop.id, cheikh, WAITING)
        gone = _register(work, workshop.id, dior, RegistrationStatus.ANNULE)
        _register(work, other.id, awa, PAID)
        work.commit()
    with uow() as work, pytest.raises(Conflict):
        _register(work, workshop.id, awa, WAITING)
    with uow() as work:
        regs = work.registrations
        assert vars(regs.of_user(workshop.id, awa, for_update=True)) == vars(seat)
        assert regs.get(first.id).status is WAITING
        assert (regs.position(workshop.id, first.id), regs.position(workshop.id, second.id)) == (
            1,
            2,
        )
        assert regs.position(workshop.id, seat.id) is None
        assert regs.first_waiting(workshop.id).id == first.id
        assert [r.id for r in regs.of_workshop(workshop.id)] == [seat.id, first.id, second.id]
        assert regs.workshops_of_user(awa) == sorted([workshop.id, other.id])
        assert regs.workshops_of_user(dior) == []
        assert regs.move(first.id, WAITING, SEATED, NOW)
        assert not regs.move(first.id, WAITING, SEATED, NOW)
        assert regs.position(workshop.id, second.id) == 1
        regs.remove(gone.id)
        work.commit()
    with uow() as work:
        assert work.registrations.get(gone.id) is None
        assert work.registrations.of_user(workshop.id, dior) is None
        assert work.registrations.first_waiting(workshop.id).id == second.id
        work.workshops.delete(workshop.id)
        work.commit()
    with uow() as work:
        assert work.workshops.get(workshop.id) is None
        assert work.registrations.get(seat.id) is None
        assert work.registrations.workshops_of_user(awa) == [other.id]


def the_seat_payment_is_the_newest_one_of_the_registration(uow: UowFactory) -> None:
    with uow() as work:
        awa = add_user(work)
        workshop = a_workshop()
        work.workshops.add(workshop, NOW)
        seat = _register(work, workshop.id, awa, SEATED)
        assert work.registrations.seat_payment(seat.id) is None
        older, newer = (
            Payment.for_workshop_seat(workshop.id, seat.id, awa, workshop.prix, NOW)
            for _ in range(2)
        )
        work.payments.add(older)
        work.payments.add(newer)
        work.commit()
    with uow() as work:
        assert work.registrations.seat_payment(seat.id).id == newer.id


def reminders_go_to_seat_holders_of_workshops_in_the_window_once(uow: UowFactory) -> None:
    with uow() as work:
        awa, binta, cheikh = (add_user(work, n) for n in ("awa", "binta", "cheikh"))
        soon, later = a_workshop("Demain", days_ahead=1), a_workshop("Plus tard", days_ahead=5)
        work.workshops.add(soon, NOW)
        work.workshops.add(later, NOW)
        seated = _register(work, soon.id, awa, SEATED)
        paid = _register(work, soon.id, binta, PAID)
        _register(work, soon.id, cheikh, WAITING)
        _register(work, later.id, awa, SEATED)
        work.commit()
    until = NOW + timedelta(days=2)
    with uow() as work:
        due = work.registrations.due_reminders(NOW, until)
        assert [(r.id, w.id) for r, w in due] == [(seated.id, soon.id), (paid.id, soon.id)]
        assert work.registrations.mark_reminded(seated.id, NOW)
        assert not work.registrations.mark_reminded(seated.id, NOW)
        work.commit()
    with uow() as work:
        assert [r.id for r, _ in work.registrations.due_reminders(NOW, until)] == [paid.id]


WORKSHOPS = [
    seats_are_taken_until_full_and_never_freed_below_zero,
    registrations_are_unique_per_user_and_the_waiting_list_is_fifo,
    the_seat_payment_is_the_newest_one_of_the_registration,
    reminders_go_to_seat_holders_of_workshops_in_the_window_once,
]
