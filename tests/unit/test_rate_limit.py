"""Sliding windows in memory: no double burst across a window boundary (issue 12)."""

import pytest

from chezflora.adapters.rate_limit import MemoryRateLimiter, parse_rate, wait_after


def test_rates_are_read_as_count_per_window():
    assert parse_rate("10/minute") == (10, 60)
    assert parse_rate("5/hour") == (5, 3600)
    assert parse_rate("10/15minutes") == (10, 900)
    with pytest.raises(ValueError):
        parse_rate("10/fortnight")


def test_the_budget_is_per_client_and_slides_back():
    now = [1000.0]  # 40 s into a minute window
    limiter = MemoryRateLimiter({"register": "2/minute"}, now=lambda: now[0])
    assert limiter.hit("register", "a") is None
    assert limiter.hit("register", "a") is None
    wait = limiter.hit("register", "a")
    assert wait is not None and wait >= 1
    assert limiter.hit("register", "b") is None
    now[0] = 1000.0 + 120  # two windows later nothing overlaps
    assert limiter.hit("register", "a") is None


def test_no_double_burst_across_a_window_boundary():
    now = [59.0]
    limiter = MemoryRateLimiter({"login": "10/minute"}, now=lambda: now[0])
    assert [limiter.hit("login", "ip") for _ in range(10)] == [None] * 10
    now[0] = 61.0  # a fixed window would let 10 more through here
    assert limiter.hit("login", "ip") is not None
    # As the old window slides out, the budget comes back gradually.
    now[0] = 115.0
    allowed = sum(limiter.hit("login", "ip") is None for _ in range(10))
    assert 1 <= allowed <= 8


def test_in_any_window_at_most_about_the_limit_passes():
    now = [0.0]
    limiter = MemoryRateLimiter({"s": "10/minute"}, now=lambda: now[0])
    passed = []
    for step in range(600):  # one attempt every 0.5 s for 5 minutes
        now[0] = step * 0.5
        if limiter.hit("s", "k") is None:
            passed.append(now[0])
    for start in passed:
        assert sum(start <= t < start + 60 for t in passed) <= 11


def test_peek_counts_nothing():
    limiter = MemoryRateLimiter({"s": "1/minute"}, now=lambda: 10.0)
    assert limiter.peek("s", "k") is None
    assert limiter.peek("s", "k") is None
    assert limiter.hit("s", "k") is None
    assert limiter.peek("s", "k") is not None


def test_wait_is_at_least_a_second_and_within_two_windows():
    for previous in range(0, 30, 3):
        for current in range(1, 30, 3):
            wait = wait_after(previous, current, 30.0, 10, 60)
            assert wait is None or 1 <= wait <= 120


def test_redis_down_falls_back_to_counting_in_the_process():
    from redis import Redis

    from chezflora.adapters.rate_limit import RedisRateLimiter

    unreachable = Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    frozen_mid_window = 600.0 * 1_000_000 + 30.0  # never crosses a window boundary
    limiter = RedisRateLimiter(unreachable, {"login": "2/minute"}, now=lambda: frozen_mid_window)
    assert limiter.hit("login", "a") is None
    assert limiter.hit("login", "a") is None
    assert limiter.hit("login", "a") is not None
