"""Token checks with versions shared through Redis: a valid token is not read against its account
on every request, yet a ban in another process refuses it at once and its expiry still holds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from litestar.testing import TestClient
from redis import Redis
from sqlalchemy import event

from chezflora.bootstrap import Container, build_container
from chezflora.config import Settings
from chezflora.entrypoints.http.app import create_app
from tests.integration.conftest import IN_CI, REDIS_URL, redis_reachable
from tests.integration.helpers import bearer, make_admin, make_client


@pytest.fixture
def two_processes(
    settings: Settings, clean_engine: Any, clock: Any, container: Container
) -> Iterator[tuple[TestClient[Any], TestClient[Any], Container]]:
    if not redis_reachable():
        if IN_CI:
            pytest.fail(f"Redis is required under CI=true but {REDIS_URL} is not reachable")
        pytest.skip(f"Redis not reachable on {REDIS_URL}")
    Redis.from_url(REDIS_URL).flushdb()
    shared = replace(settings, redis_url=REDIS_URL, throttle_enabled=False)
    # E-mails delivered inline, as by the other tests' container (sign-up codes are read back).
    mail = {"email_sender": container.email_sender, "dispatcher": container.dispatcher}
    first = build_container(shared, engine=clean_engine, clock=clock, **mail)
    second = build_container(shared, engine=clean_engine, clock=clock, **mail)
    base = "http://testserver.local"
    with (
        TestClient(app=create_app(first), base_url=base) as here,
        TestClient(app=create_app(second), base_url=base) as there,
    ):
        yield here, there, first
    first.close()
    second.close()


def _account_reads(engine: Any, call: Any) -> int:
    reads = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if "FROM users" in statement:
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return len(reads)


def test_a_checked_token_is_not_read_again_past_the_short_ttl(two_processes, clock):
    here, _, container = two_processes
    _, token = make_client(here, container, "awa")
    assert here.get("/api/adresses/", headers=bearer(token)).status_code == 200
    clock.advance(seconds=120)  # the read cache's TTL is 1 s

    def again() -> None:
        assert here.get("/api/adresses/", headers=bearer(token)).status_code == 200

    assert _account_reads(container.engine, again) == 0


def test_a_ban_in_another_process_refuses_a_checked_token_at_once(two_processes):
    here, there, container = two_processes
    user_id, token = make_client(here, container, "moussa")
    assert here.get("/api/adresses/", headers=bearer(token)).status_code == 200
    _, admin = make_admin(there, container)
    banned = there.post("/api/ban-user/", json={"user_id": user_id}, headers=bearer(admin))
    assert banned.status_code == 200
    deadline = time.monotonic() + 1.0
    while here.get("/api/adresses/", headers=bearer(token)).status_code != 401:
        assert time.monotonic() < deadline, "the ban was not seen within 1 s"
        time.sleep(0.01)


def test_a_checked_token_still_expires(two_processes, clock):
    here, _, container = two_processes
    _, token = make_client(here, container, "fanta")
    clock.advance(minutes=container.settings.access_token_minutes, seconds=-10)
    assert here.get("/api/adresses/", headers=bearer(token)).status_code == 200  # checked
    clock.advance(seconds=20)  # past its expiry, well within the check's life
    assert here.get("/api/adresses/", headers=bearer(token)).status_code == 401
