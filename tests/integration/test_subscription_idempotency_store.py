"""The idempotency key store behind subscription creation, on both databases."""

from __future__ import annotations

import threading
import time

import pytest

from chezflora.adapters.sqlalchemy.repositories.subscriptions_idempotency import (
    SqlIdempotencyKeyStore,
)
from chezflora.application.subscriptions.idempotency import RunOnce
from chezflora.domain.errors import Conflict
from chezflora.domain.idempotency import KeyScope
from tests.integration.helpers import make_client


@pytest.fixture
def scope(client, container):
    user_id, _ = make_client(client, container, "awa")
    return KeyScope(user_id, "cle-1")


def test_concurrent_requests_with_one_key_run_once(container, clock, scope):
    run_once = RunOnce(SqlIdempotencyKeyStore(container.engine), clock)
    runs: list[int] = []
    outcomes: list[object] = []
    barrier = threading.Barrier(5)

    def action() -> tuple[int, bytes]:
        runs.append(1)
        time.sleep(0.2)  # long enough for the others to meet the pending key
        return 201, b'{"id": 1}'

    def request() -> None:
        barrier.wait()
        try:
            outcomes.append(run_once(scope, "same-body", action))
        except Conflict as exc:
            outcomes.append(exc.message)

    threads = [threading.Thread(target=request) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(runs) == 1
    assert outcomes.count((201, b'{"id": 1}')) >= 1
    assert run_once(scope, "same-body", action) == (201, b'{"id": 1}')
    assert len(runs) == 1


def test_a_key_lives_24_hours(container, clock, scope):
    run_once = RunOnce(SqlIdempotencyKeyStore(container.engine), clock)
    assert run_once(scope, "a", lambda: (201, b"first")) == (201, b"first")
    with pytest.raises(Conflict):
        run_once(scope, "b", lambda: (201, b"second"))
    clock.advance(hours=24)
    assert run_once(scope, "b", lambda: (201, b"second")) == (201, b"second")
    clock.advance(hours=23)
    assert run_once(scope, "b", lambda: (201, b"third")) == (201, b"second")


def test_a_failed_action_frees_the_key(container, clock, scope):
    run_once = RunOnce(SqlIdempotencyKeyStore(container.engine), clock)

    def fail() -> tuple[int, bytes]:
        raise Conflict("Stock insuffisant")

    with pytest.raises(Conflict):
        run_once(scope, "a", fail)
    assert run_once(scope, "a", lambda: (201, b"ok")) == (201, b"ok")
