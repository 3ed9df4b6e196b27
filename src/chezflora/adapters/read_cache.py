"""A small read cache for public pages: versioned per namespace, entries live at most `ttl` seconds.

A write bumps the namespace's version (in Redis when configured, so every API process sees it);
readers compare versions, so an entry never outlives the write that made it stale. The short TTL
bounds what no write announces: a promotion starting or ending with the clock.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from redis import Redis
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


class LocalVersions:
    def __init__(self) -> None:
        self._versions: dict[str, int] = {}
        self._lock = threading.Lock()

    def current(self, namespace: str) -> int:
        return self._versions.get(namespace, 0)

    def bump(self, namespace: str) -> None:
        with self._lock:
            self._versions[namespace] = self._versions.get(namespace, 0) + 1


class RedisVersions:
    """Shared versions; if Redis fails, answer a fresh number so nothing stale is served."""

    def __init__(self, client: Redis) -> None:
        self._client = client

    def _key(self, namespace: str) -> str:
        return f"chezflora:cache-version:{namespace}"

    def current(self, namespace: str) -> int:
        try:
            value = self._client.get(self._key(namespace))
        except RedisError:
            return -time.monotonic_ns()
        return int(value) if value else 0

    def bump(self, namespace: str) -> None:
        try:
            self._client.incr(self._key(namespace))
        except RedisError as exc:
            log.warning("cache version not bumped in Redis: %s", exc)


class ReadCache:
    def __init__(
        self,
        versions: LocalVersions | RedisVersions,
        ttl: float = 1.0,
        max_entries: int = 20_000,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._versions, self._ttl, self._max, self._now = versions, ttl, max_entries, now
        self._entries: OrderedDict[tuple[str, str], tuple[int, float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def version(self, namespace: str) -> int:
        return self._versions.current(namespace)

    def get(self, namespace: str, key: str, version: int) -> object | None:
        with self._lock:
            entry = self._entries.get((namespace, key))
        if entry is None:
            return None
        stored_version, expires, value = entry
        if stored_version != version or self._now() >= expires:
            return None
        return value

    def put(self, namespace: str, key: str, version: int, value: object) -> None:
        with self._lock:
            self._entries[(namespace, key)] = (version, self._now() + self._ttl, value)
            self._entries.move_to_end((namespace, key))
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def invalidate(self, namespaces: set[str]) -> None:
        for namespace in namespaces:
            self._versions.bump(namespace)
