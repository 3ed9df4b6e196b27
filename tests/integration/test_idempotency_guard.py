"""The one idempotency guard (checkout, payment simulation, subscription creation), on both
databases: concurrent duplicates run once, keys live 24 h, a failed request frees its key."""

from __future__ import annotations

import threading
import time

import pytest

from chezflora.application.idempotency import Answer
from chezflora.domain.errors import Conflict, InvalidInput
from tests.integration.helpers import make_client


@pytest.fixture
def user_id(client, container):
    user_id, _ = make_client(client, container, "awa")
    return user_id


def test_concurrent_requests_with_one_key_run_once(container, user_id):
    guard = container.idempotency
    runs: list[int] = []
    outcomes: list[object] = []
    barrier = threading.Barrier(5)

    def work() -> tuple[int, bytes]:
        runs.append(1)
        time.sleep(0.2)  # long enough for the others to meet the pending key
        return 201, b'{"id": 1}'

    def request() -> None:
        barrier.wait()
        try:
            outcomes.append(guard.run(user_id, "cle-1", "same-body", work))
        except Conflict as exc:
            outcomes.append(exc.message)

    threads = [threading.Thread(target=request) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1
    assert Answer(201, b'{"id": 1}') in outcomes
    others = [outcome for outcome in outcomes if not isinstance(outcome, Answer)]
    assert all("en cours" in str(message) for message in others)
    assert guard.run(user_id, "cle-1", "same-body", work) == Answer(201, b'{"id": 1}', True)
    assert len(runs) == 1


def test_a_key_lives_24_hours(container, clock, user_id):
    guard = container.idempotency
    assert guard.run(user_id, "k", "a", lambda: (201, b"first")) == Answer(201, b"first")
    with pytest.raises(Conflict, match="autre requête"):
        guard.run(user_id, "k", "b", lambda: (201, b"second"))
    clock.advance(hours=24)
    assert guard.run(user_id, "k", "b", lambda: (201, b"second")) == Answer(201, b"second")
    clock.advance(hours=23)
    assert guard.run(user_id, "k", "b", lambda: (201, b"third")) == Answer(201, b"second", True)


def test_a_failed_request_frees_the_key(container, user_id):
    guard = container.idempotency

    def fail() -> tuple[int, bytes]:
        raise Conflict("Stock insuffisant")

    with pytest.raises(Conflict):
        guard.run(user_id, "k", "a", fail)
    assert guard.run(user_id, "k", "a", lambda: (201, b"ok")) == Answer(201, b"ok")


def test_a_key_longer_than_the_column_is_refused(container, user_id):
    with pytest.raises(InvalidInput):
        container.idempotency.run(user_id, "k" * 256, "a", lambda: (201, b"ok"))


def test_a_claim_left_pending_by_a_dead_request_is_freed_after_two_minutes(
    container, clock, user_id
):
    guard = container.idempotency
    guard.begin(user_id, "cle-morte", "body")  # claimed, then the process "dies": no finish
    with pytest.raises(Conflict):
        guard.run(user_id, "cle-morte", "body", lambda: (201, b"{}"))
    clock.advance(minutes=3)
    answer = guard.run(user_id, "cle-morte", "body", lambda: (201, b'{"id": 2}'))
    assert answer == Answer(201, b'{"id": 2}')
