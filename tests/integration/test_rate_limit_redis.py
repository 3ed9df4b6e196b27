"""The Redis rate limiter shares its counters between processes (here: two limiter objects)."""

from __future__ import annotations

import uuid

import pytest
from redis import Redis

from chezflora.adapters.rate_limit import RedisRateLimiter
from tests.integration.conftest import IN_CI, REDIS_URL, redis_reachable


@pytest.fixture
def redis_client():
    if not redis_reachable():
        if IN_CI:
            pytest.fail("Redis is required under CI=true but is not reachable")
        pytest.skip("Redis not reachable")
    client = Redis.from_url(REDIS_URL)
    yield client
    client.close()


def test_two_processes_share_one_budget(redis_client):
    rates = {"login": "3/minute"}
    first, second = RedisRateLimiter(redis_client, rates), RedisRateLimiter(redis_client, rates)
    ip = f"10.0.0.{uuid.uuid4().int % 250}-{uuid.uuid4().hex}"
    assert [first.hit("login", ip), second.hit("login", ip), first.hit("login", ip)] == [None] * 3
    wait = second.hit("login", ip)
    assert wait is not None and 1 <= wait <= 120
    assert first.hit("unknown-scope", ip) is None
