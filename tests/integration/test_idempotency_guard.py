"""The one idempotency guard (checkout, payment simulation, subscription creation), on both
databases: concurrent duplicates run once, keys live 24 h, a failed request frees its key."""

from __future__ import annotations

import threading
import time

import pytest

from chezflora.application.idempotency import Fresh, RecordedAnswer, Replayed
from chezflora.domain.errors import Conflict, InvalidInput
from tests.integration.helpers import make_client


@pytest.fixture
def user_id(client, container):
    user_id, _ = make_client(client, container, "awa")
    return user_id


@pytest.mark.parametrize("atomic", [False, True], ids=["two-transactions", "atomic"])
def test_concurrent_requests_with_one_key_run_once_and_all_get_its_answer(
    container, user_id, atomic
):
    """Duplicates wait for the first (a few seconds at most) and replay its answer."""
    guard = container.idempotency
    runs: list[int] = []
    outcomes: list[object] = []
    barrier = threading.Barrier(5)

    def work() -> RecordedAnswer:
        runs.append(1)
        time.sleep(0.2)  # long enough for the others to meet the pending key
        return RecordedAnswer(201, b'{"id": 1}')

    def request() -> None:
        barrier.wait()
        try:
            outcomes.append(guard.run(user_id, "cle-1", "same-body", work, atomic=atomic))
        except Conflict as exc:
            outcomes.append(exc.message)

    threads = [threading.Thread(target=request) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1
    answer = RecordedAnswer(201, b'{"id": 1}')
    assert sorted(outcomes, key=str) == sorted([Fresh(answer)] + [Replayed(answer)] * 4, key=str)
    assert guard.run(user_id, "cle-1", "same-body", work) == Replayed(answer)
    assert len(runs) == 1


@pytest.mark.parametrize("atomic", [False, True], ids=["two-transactions", "atomic"])
def test_a_duplicate_waits_only_a_few_seconds_then_409(container, clock, user_id, atomic):
    from datetime import timedelta

    from chezflora.application.idempotency import IdempotencyGuard

    guard = IdempotencyGuard(container.uow, clock, wait=timedelta(seconds=0.3))
    started, release = threading.Event(), threading.Event()

    def slow() -> RecordedAnswer:
        started.set()
        release.wait(10)
        return RecordedAnswer(201, b"slow")

    first = threading.Thread(target=lambda: guard.run(user_id, "k", "a", slow, atomic=atomic))
    first.start()
    started.wait(5)
    try:
        if atomic and container.engine.dialect.name == "sqlite":
            pytest.skip("SQLite queues every writer for its busy timeout (30 s)")
        with pytest.raises(Conflict, match="en cours"):
            guard.run(user_id, "k", "a", lambda: RecordedAnswer(201, b"second"), atomic=atomic)
    finally:
        release.set()
        first.join()


@pytest.mark.parametrize("atomic", [False, True], ids=["two-transactions", "atomic"])
def test_a_key_lives_24_hours(container, clock, user_id, atomic):
    guard = container.idempotency
    first = guard.run(user_id, "k", "a", lambda: RecordedAnswer(201, b"first"), atomic=atomic)
    assert first == Fresh(RecordedAnswer(201, b"first"))
    with pytest.raises(Conflict, match="autre requête"):
        guard.run(user_id, "k", "b", lambda: RecordedAnswer(201, b"second"), atomic=atomic)
    clock.advance(hours=24)
    again = guard.run(user_id, "k", "b", lambda: RecordedAnswer(201, b"second"), atomic=atomic)
    assert again == Fresh(RecordedAnswer(201, b"second"))
    clock.advance(hours=23)
    late = guard.run(user_id, "k", "b", lambda: RecordedAnswer(201, b"third"), atomic=atomic)
    assert late == Replayed(RecordedAnswer(201, b"second"))


@pytest.mark.parametrize("atomic", [False, True], ids=["two-transactions", "atomic"])
def test_a_failed_request_frees_the_key(container, user_id, atomic):
    guard = container.idempotency

    def fail() -> RecordedAnswer:
        raise Conflict("Stock insuffisant")

    with pytest.raises(Conflict):
        guard.run(user_id, "k", "a", fail, atomic=atomic)
    answer = guard.run(user_id, "k", "a", lambda: RecordedAnswer(201, b"ok"), atomic=atomic)
    assert answer == Fresh(RecordedAnswer(201, b"ok"))


def test_units_of_work_inside_an_atomic_run_share_its_one_transaction(container, user_id):
    """The work's writes and the key's record commit together, or not at all."""
    from chezflora.domain.errors import NotFound

    guard = container.idempotency

    def rename_then_fail() -> RecordedAnswer:
        with container.uow() as uow:
            user = uow.users.get(user_id)
            assert user is not None
            user.username = "renommee"
            uow.users.save(user)
            uow.commit()  # joined: the guard commits, so this failure below undoes it
        raise NotFound("plus là")

    with pytest.raises(NotFound):
        guard.run(user_id, "k", "a", rename_then_fail, atomic=True)
    with container.uow() as uow:
        user = uow.users.get(user_id)
        assert user is not None and user.username == "awa"


def test_a_key_longer_than_the_column_is_refused(container, user_id):
    with pytest.raises(InvalidInput):
        container.idempotency.run(user_id, "k" * 256, "a", lambda: RecordedAnswer(201, b"ok"))


def test_a_claim_left_pending_by_a_dead_request_is_freed_after_two_minutes(
    container, clock, user_id
):
    from datetime import timedelta

    from chezflora.application.idempotency import IdempotencyGuard

    guard = IdempotencyGuard(container.uow, clock, wait=timedelta(seconds=0.2))
    guard.begin(user_id, "cle-morte", "body")  # claimed, then the process "dies": no finish
    with pytest.raises(Conflict):  # after waiting for it a few seconds
        guard.run(user_id, "cle-morte", "body", lambda: RecordedAnswer(201, b"{}"))
    clock.advance(minutes=3)
    answer = guard.run(user_id, "cle-morte", "body", lambda: RecordedAnswer(201, b'{"id": 2}'))
    assert answer == Fresh(RecordedAnswer(201, b'{"id": 2}'))
