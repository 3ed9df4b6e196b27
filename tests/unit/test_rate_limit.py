"""Fixed windows in memory: the budget resets when the window turns."""

from chezflora.adapters.rate_limit import MemoryRateLimiter, parse_rate


def test_rates_are_read_as_count_per_window():
    assert parse_rate("10/minute") == (10, 60)
    assert parse_rate("5/hour") == (5, 3600)


def test_the_budget_is_per_client_and_resets_with_the_window():
    now = [1000.0]
    limiter = MemoryRateLimiter({"register": "2/minute"}, now=lambda: now[0])
    assert limiter.hit("register", "a") is None
    assert limiter.hit("register", "a") is None
    assert limiter.hit("register", "a") == 20
    assert limiter.hit("register", "b") is None
    now[0] = 1021.0
    assert limiter.hit("register", "a") is None


def test_redis_down_falls_back_to_counting_in_the_process():
    from redis import Redis

    from chezflora.adapters.rate_limit import RedisRateLimiter

    unreachable = Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2)
    limiter = RedisRateLimiter(unreachable, {"login": "2/minute"})
    assert limiter.hit("login", "a") is None
    assert limiter.hit("login", "a") is None
    assert limiter.hit("login", "a") is not None
