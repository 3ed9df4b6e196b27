"""Fixed-window request counters per scope and client: in memory, or in Redis across processes."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Mapping

from redis import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/minute' → (10, 60)."""
    count, _, unit = rate.partition("/")
    return int(count), _UNITS[unit.strip().rstrip("s")]


class MemoryRateLimiter:
    def __init__(self, rates: Mapping[str, str], now: Callable[[], float] = time.time) -> None:
        self._rates = {scope: parse_rate(rate) for scope, rate in rates.items()}
        self._now = now
        self._counts: dict[tuple[str, str, int], int] = {}
        self._lock = threading.Lock()

    def hit(self, scope: str, key: str) -> int | None:
        if scope not in self._rates:
            return None
        limit, window = self._rates[scope]
        now = self._now()
        slot = int(now // window)
        with self._lock:
            if len(self._counts) > 50_000:
                self._counts = {k: v for k, v in self._counts.items() if k[2] >= slot}
            count = self._counts.get((scope, key, slot), 0) + 1
            self._counts[(scope, key, slot)] = count
        return None if count <= limit else max(1, int((slot + 1) * window - now))


class RedisRateLimiter:
    """INCR + EXPIRE in one round trip; every API process shares the same counters.

    When Redis cannot be reached the process counts on its own (in memory) rather than
    failing the request: throttling degrades, the shop keeps working.
    """

    def __init__(self, client: Redis, rates: Mapping[str, str]) -> None:
        self._client = client
        self._rates = {scope: parse_rate(rate) for scope, rate in rates.items()}
        self._fallback = MemoryRateLimiter(rates)

    def hit(self, scope: str, key: str) -> int | None:
        if scope not in self._rates:
            return None
        try:
            return self._shared_hit(scope, key)
        except RedisError as exc:
            log.warning("rate limiter: Redis unavailable (%s); counting in this process", exc)
            return self._fallback.hit(scope, key)

    def _shared_hit(self, scope: str, key: str) -> int | None:
        limit, window = self._rates[scope]
        now = time.time()
        slot = int(now // window)
        name = f"chezflora:throttle:{scope}:{key}:{slot}"
        pipe = self._client.pipeline()
        pipe.incr(name)
        pipe.expire(name, window + 1)
        count, _ = pipe.execute()
        return None if int(count) <= limit else max(1, int((slot + 1) * window - now))


class NoRateLimiter:
    def hit(self, scope: str, key: str) -> int | None:
        return None
