"""Never overbooked: real threads register, leave and get promoted at the same instant
(MariaDB; SQLite serialises every writer, so the race only means something there)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.workshops import workshop_registrations
from chezflora.domain.errors import Conflict
from tests.integration.rows import add_shopper, emails
from tests.integration.workshop_rows import (
    add_workshop,
    registrations_of,
    seat_payments,
    workshop_row,
)


@pytest.fixture(autouse=True)
def mariadb_only(database_url):
    if database_url.startswith("sqlite"):
        pytest.skip("concurrency is proven on MariaDB")


def _race(tasks: list[Callable[[], str]]) -> Counter[str]:
    barrier = threading.Barrier(len(tasks))
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(task: Callable[[], str]) -> None:
        barrier.wait()
        try:
            outcome = task()
        except Conflict as exc:
            outcome = f"409 {exc.message}"
        except Exception as exc:  # reported as a failure by the assertions
            outcome = f"error: {exc!r}"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=run, args=(task,)) for task in tasks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return Counter(outcomes)


def _seated(engine, workshop_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.select(sa.func.count()).where(
                    workshop_registrations.c.atelier_id == workshop_id,
                    workshop_registrations.c.statut.in_(("inscrit", "confirme")),
                )
            ).scalar_one()
        )


def test_thirty_clients_for_the_last_three_seats(container, engine):
    workshop = add_workshop(engine, container.clock.now(), seats=10)
    early = [add_shopper(container, f"tot{i}")[0] for i in range(7)]
    for viewer in early:
        container.workshops.register(viewer, workshop)
    late = [add_shopper(container, f"late{i}")[0] for i in range(30)]

    def register(viewer):
        return lambda: container.workshops.register(viewer, workshop).status.value

    outcomes = _race([register(viewer) for viewer in late])
    assert outcomes == Counter({"inscrit": 3, "409 Plus de places disponibles.": 27})
    row = workshop_row(engine, workshop)
    assert row.places_prises == 10 and row.places_totales - row.places_prises == 0
    assert _seated(engine, workshop) == 10
    assert len(seat_payments(engine, workshop)) == 10  # 7 early + exactly 3 of the race


def test_interleaved_registrations_and_departures_keep_seats_equal_to_registrations(
    container, engine
):
    workshop = add_workshop(engine, container.clock.now(), seats=8)
    leavers = [add_shopper(container, f"leaver{i}")[0] for i in range(8)]
    for viewer in leavers:
        container.workshops.register(viewer, workshop)
    joiners = [add_shopper(container, f"joiner{i}")[0] for i in range(16)]

    def leave(viewer):
        def task() -> str:
            container.workshops.unregister(viewer, workshop)
            return "left"

        return task

    def join(viewer):
        return lambda: container.workshops.register(viewer, workshop).status.value

    tasks = [leave(v) for v in leavers] + [join(v) for v in joiners]
    outcomes = _race(tasks)
    assert not [o for o in outcomes if o.startswith("error")], outcomes
    assert outcomes["left"] == 8
    row = workshop_row(engine, workshop)
    assert row.places_prises == _seated(engine, workshop) <= 8
    assert outcomes["inscrit"] == row.places_prises
    pending = [p for p in seat_payments(engine, workshop) if p.statut == "simule"]
    assert len(pending) == row.places_prises  # one live payment per seat, no more


def test_concurrent_departures_promote_each_waiting_client_once_in_order(container, engine):
    workshop = add_workshop(engine, container.clock.now(), seats=6)
    holders = [add_shopper(container, f"holder{i}")[0] for i in range(6)]
    for viewer in holders:
        container.workshops.register(viewer, workshop)
    waiting = [add_shopper(container, f"waiting{i}")[0] for i in range(10)]
    for viewer in waiting:
        container.workshops.register(viewer, workshop, waiting_list=True)

    def leave(viewer):
        def task() -> str:
            container.workshops.unregister(viewer, workshop)
            return "left"

        return task

    outcomes = _race([leave(v) for v in holders])
    assert outcomes == Counter({"left": 6})
    rows = registrations_of(engine, workshop)
    by_user = {r.utilisateur_id: r.statut for r in rows}
    promoted = [v.user_id for v in waiting if by_user[v.user_id] == "inscrit"]
    assert promoted == [v.user_id for v in waiting[:6]]  # the first six, in order
    assert [by_user[v.user_id] for v in waiting[6:]] == ["en_attente"] * 4
    assert workshop_row(engine, workshop).places_prises == 6
    payers = [p.utilisateur_id for p in seat_payments(engine, workshop) if p.statut == "simule"]
    assert sorted(payers) == sorted(promoted)  # one payment each: nobody promoted twice
    notified = Counter(e.recipient for e in emails(engine, "atelier_promotion"))
    assert set(notified.values()) == {1} and len(notified) == 6
