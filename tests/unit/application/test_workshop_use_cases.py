"""Workshop registration on in-memory fakes: a seat and its payment, the waiting list, leaving
and the promotion of the first waiting client."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest

from chezflora.application.workshops import notices
from chezflora.application.workshops.admin import CreateWorkshop, WorkshopFields
from chezflora.application.workshops.registration import (
    RegisterForWorkshop,
    UnregisterFromWorkshop,
)
from chezflora.domain.errors import Conflict, Forbidden
from chezflora.domain.payment import PaymentStatus, TransactionType
from chezflora.domain.user import Role
from chezflora.domain.workshop import FULL, NOT_REGISTERED, PAST, RegistrationStatus
from tests.unit.application.world import SHOP_ZONE, World, money


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def register(world: World) -> RegisterForWorkshop:
    return RegisterForWorkshop(world.uow, world.clock, SHOP_ZONE)


@pytest.fixture
def unregister(world: World) -> UnregisterFromWorkshop:
    return UnregisterFromWorkshop(world.uow, world.clock, SHOP_ZONE)


def a_workshop(world: World, seats: int = 1) -> int:
    fields = WorkshopFields(
        nom="Bouquet rond",
        description="Le samedi matin",
        date=world.clock.now() + timedelta(days=7),
        duree=120,
        prix=Decimal("15.00"),
        places_totales=seats,
    )
    return CreateWorkshop(world.uow, world.clock)(fields)


def seat_payment_status(world: World, registration_id: int) -> PaymentStatus:
    [payment] = [
        p for p in world.uow.store.payments.values() if p.registration_id == registration_id
    ]
    return payment.status


def test_a_client_takes_a_seat_with_its_own_pending_payment(world, register):
    workshop_id = a_workshop(world, seats=2)
    awa = world.person("awa")

    outcome = register(awa, workshop_id)

    assert (outcome.status, outcome.position) == (RegistrationStatus.INSCRIT, None)
    assert world.uow.store.workshops[workshop_id].seats_taken == 1
    payment = world.uow.store.payments[outcome.payment_id]
    assert (payment.kind, payment.amount, payment.payer_id, payment.registration_id) == (
        TransactionType.ATELIER,
        money("15.00"),
        awa.user_id,
        outcome.registration_id,
    )
    assert world.emails_to("awa") == [notices.CONFIRMED]
    with pytest.raises(Conflict):
        register(awa, workshop_id)


def test_a_full_workshop_refuses_unless_the_client_joins_the_waiting_list(world, register):
    workshop_id = a_workshop(world, seats=1)
    register(world.person("awa"), workshop_id)
    binta, cheikh = world.person("binta"), world.person("cheikh")

    with pytest.raises(Conflict) as full:
        register(binta, workshop_id)
    first = register(binta, workshop_id, waiting_list=True)
    second = register(cheikh, workshop_id, waiting_list=True)

    assert full.value.message == FULL
    assert (first.status, first.payment_id, first.position) == (
        RegistrationStatus.EN_ATTENTE,
        None,
        1,
    )
    assert second.position == 2
    assert world.uow.store.workshops[workshop_id].seats_taken == 1
    assert world.emails_to("binta") == [notices.WAITING]


def test_admins_cannot_register_and_past_workshops_are_closed(world, register):
    workshop_id = a_workshop(world)
    with pytest.raises(Forbidden):
        register(world.person("gerant", Role.ADMIN), workshop_id)
    world.clock.advance(days=8)
    with pytest.raises(Conflict) as past:
        register(world.person("awa"), workshop_id)
    assert past.value.message == PAST
    assert world.uow.store.registrations == {}


def test_leaving_frees_the_seat_for_the_first_waiting_client(world, register, unregister):
    workshop_id = a_workshop(world, seats=1)
    awa, binta, cheikh = world.person("awa"), world.person("binta"), world.person("cheikh")
    seat = register(awa, workshop_id)
    first = register(binta, workshop_id, waiting_list=True)
    second = register(cheikh, workshop_id, waiting_list=True)

    unregister(awa, workshop_id)

    store = world.uow.store
    assert seat.registration_id not in store.registrations
    assert seat_payment_status(world, seat.registration_id) is PaymentStatus.ECHEC
    assert store.registrations[first.registration_id].status is RegistrationStatus.INSCRIT
    assert seat_payment_status(world, first.registration_id) is PaymentStatus.SIMULE
    assert store.registrations[second.registration_id].status is RegistrationStatus.EN_ATTENTE
    assert store.workshops[workshop_id].seats_taken == 1
    assert world.emails_to("awa")[-1] == notices.UNREGISTERED
    assert world.emails_to("binta")[-1] == notices.PROMOTED


def test_leaving_the_waiting_list_frees_no_seat(world, register, unregister):
    workshop_id = a_workshop(world, seats=1)
    awa, binta = world.person("awa"), world.person("binta")
    register(awa, workshop_id)
    waiting = register(binta, workshop_id, waiting_list=True)

    unregister(binta, workshop_id)

    assert waiting.registration_id not in world.uow.store.registrations
    assert world.uow.store.workshops[workshop_id].seats_taken == 1
    with pytest.raises(Conflict) as again:
        unregister(binta, workshop_id)
    assert again.value.message == NOT_REGISTERED


def test_a_seat_cannot_be_left_once_the_workshop_started(world, register, unregister):
    workshop_id = a_workshop(world)
    awa = world.person("awa")
    register(awa, workshop_id)
    world.clock.advance(days=7, minutes=1)

    with pytest.raises(Conflict):
        unregister(awa, workshop_id)

    assert world.uow.store.workshops[workshop_id].seats_taken == 1
