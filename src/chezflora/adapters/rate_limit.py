"""Sliding-window request counters per scope and key: in memory, or in Redis across processes.

A fixed window lets twice the limit through across a boundary (the end of one window, the
start of the next). The sliding-window counter weighs the previous window by how much of it
still overlaps the last `window` seconds: `previous × (1 − elapsed / window) + current`, which
never lets more than about the limit through in any `window` seconds, with two counters a key.
"""

from __future__ import annotations

import logging
import math
import re
import threading
import time
from collections.abc import Callable, Mapping

from redis import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
_RATE = re.compile(r"\s*(\d+)\s*/\s*(\d*)\s*(second|minute|hour|day)s?\s*")


def parse_rate(rate: str) -> tuple[int, int]:
    """'10/minute' → (10, 60); '10/15minutes' → (10, 900)."""
    found = _RATE.fullmatch(rate)
    if found is None:
        raise ValueError(f"rate {rate!r}: expected N/unit or N/Munit (second, minute, hour, day)")
    count, multiple, unit = found.groups()
    return int(count), int(multiple or 1) * _UNITS[unit]


def estimate(previous: int, current: int, elapsed: float, window: int) -> float:
    """Requests in the last `window` seconds, the previous window weighed by its overlap."""
    return previous * (1 - elapsed / window) + current


def wait_after(previous: int, current: int, elapsed: float, limit: int, window: int) -> int | None:
    """None when `current` (this request included) fits the limit, else seconds to wait."""
    if estimate(previous, current, elapsed, window) <= limit:
        return None
    if current <= limit and previous:
        # Only the previous window's weight is over: wait until enough of it has slid out.
        free_at = window * (1 - (limit - current) / previous)
        return max(1, math.ceil(free_at - elapsed))
    # This window alone is over: in the next one it becomes the previous, weighed down.
    free_at = window + window * (1 - limit / max(current, 1))
    return max(1, math.ceil(free_at - elapsed))


class MemoryRateLimiter:
    def __init__(self, rates: Mapping[str, str], now: Callable[[], float] = time.time) -> None:
        self._rates = {scope: parse_rate(rate) for scope, rate in rates.items()}
        self._now = now
        self._counts: dict[tuple[str, str, int], int] = {}
        self._lock = threading.Lock()

    def hit(self, scope: str, key: str) -> int | None:
        return self._count(scope, key, 1)

    def peek(self, scope: str, key: str) -> int | None:
        """Whether one more would be refused, counting nothing."""
        return self._count(scope, key, 0)

    def _count(self, scope: str, key: str, add: int) -> int | None:
        if scope not in self._rates:
            return None
        limit, window = self._rates[scope]
        now = self._now()
        slot = int(now // window)
        with self._lock:
            if len(self._counts) > 50_000:
                self._counts = {k: v for k, v in self._counts.items() if k[2] >= slot - 1}
            current = self._counts.get((scope, key, slot), 0) + add
            if add:
                self._counts[(scope, key, slot)] = current
            previous = self._counts.get((scope, key, slot - 1), 0)
        return wait_after(previous, current + (1 - add), now - slot * window, limit, window)


class RedisRateLimiter:
    """INCR this window's counter and read the previous one in one round trip; every API
    process shares the same counters.

    When Redis cannot be reached the process counts on its own (in memory) rather than
    failing the request: throttling degrades, the shop keeps working.
    """

    def __init__(
        self, client: Redis, rates: Mapping[str, str], now: Callable[[], float] = time.time
    ) -> None:
        self._client = client
        self._rates = {scope: parse_rate(rate) for scope, rate in rates.items()}
        self._now = now
        self._fallback = MemoryRateLimiter(rates, now)

    def hit(self, scope: str, key: str) -> int | None:
        return self._count(scope, key, 1)

    def peek(self, scope: str, key: str) -> int | None:
        return self._count(scope, key, 0)

    def _count(self, scope: str, key: str, add: int) -> int | None:
        if scope not in self._rates:
            return None
        try:
            return self._shared(scope, key, add)
        except RedisError as exc:
            log.warning("rate limiter: Redis unavailable (%s); counting in this process", exc)
            return self._fallback.hit(scope, key) if add else self._fallback.peek(scope, key)

    def _shared(self, scope: str, key: str, add: int) -> int | None:
        limit, window = self._rates[scope]
        now = self._now()
        slot = int(now // window)
        name = f"chezflora:throttle:{scope}:{key}:"
        pipe = self._client.pipeline()
        if add:
            pipe.incr(name + str(slot))
            pipe.expire(name + str(slot), 2 * window + 1)
        else:
            pipe.get(name + str(slot))
        pipe.get(name + str(slot - 1))
        answers = pipe.execute()
        current, previous = int(answers[0] or 0), int(answers[-1] or 0)
        return wait_after(previous, current + (1 - add), now - slot * window, limit, window)


class NoRateLimiter:
    def hit(self, scope: str, key: str) -> int | None:
        return None

    def peek(self, scope: str, key: str) -> int | None:
        return None
