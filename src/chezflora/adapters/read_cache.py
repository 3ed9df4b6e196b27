"""A small read cache for public pages: versioned per namespace, entries live at most `ttl` seconds.

A write bumps the namespaces it made stale (in Redis when configured, so every API process sees
it); readers compare versions, so an entry never outlives the write that made it stale. The short
TTL bounds what no write announces: a promotion starting or ending with the clock. An entry
whose every change is announced (a token check: any account write bumps `accounts`) may ask to
last longer; it does when the versions are shared through Redis.

With Redis, a bump is pushed to every process (pub/sub) and each process reads versions from its
own copy: no Redis round trip per cached read. A listener thread keeps that copy: it applies the
published versions as they come and re-reads every known version every `resync` seconds, so a
lost message or a reconnection costs at most that long. While the copy is not known to be fresh
(listener down for longer than `trust`), versions are asked from Redis as before.

Stock moves at every checkout, so it has namespaces of its own: `stock:<shard>` per group of
products (`stock_namespace`), and `stock` for any change. An entry records the stock versions of
the products it shows (its dependencies) and is stale only when one of those moved; the rest
of the catalogue stays cached while people buy. The namespaces are named by the port,
application/read_cache.py; this module implements it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from redis import Redis
from redis.exceptions import RedisError

from chezflora.application.read_cache import Dependencies

log = logging.getLogger(__name__)


class LocalVersions:
    def __init__(self) -> None:
        self._versions: dict[str, int] = {}
        self._lock = threading.Lock()

    def current(self, namespace: str) -> int:
        return self._versions.get(namespace, 0)

    def current_many(self, namespaces: list[str]) -> list[int]:
        return [self._versions.get(n, 0) for n in namespaces]

    def bump(self, namespace: str) -> None:
        self.bump_all({namespace})

    def bump_all(self, namespaces: Iterable[str]) -> None:
        with self._lock:
            for namespace in namespaces:
                self._versions[namespace] = self._versions.get(namespace, 0) + 1

    def close(self) -> None:
        pass


# INCR every namespace, then publish "namespace=version ..." as one message: one round trip per
# commit, and one wake-up of each process's listener however many namespaces moved.
_BUMP = """
local published = {}
for i, key in ipairs(KEYS) do
  table.insert(published, ARGV[i] .. '=' .. redis.call('INCR', key))
end
redis.call('PUBLISH', ARGV[#KEYS + 1], table.concat(published, ' '))
return published
"""
PREFIX = "chezflora:cache-version:"
CHANNEL = "chezflora:cache-versions"


class RedisVersions:
    """Shared versions; if Redis fails, answer a fresh number so nothing stale is served."""

    def __init__(
        self,
        client: Redis,
        *,
        resync: float = 0.25,
        trust: float = 1.0,
        listen: bool = True,
        known: Iterable[str] = (),
    ) -> None:
        self._client, self._resync, self._trust = client, resync, trust
        self._local: dict[str, int] = {}
        self._known: set[str] = set(known)
        self._fresh_until = 0.0
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._bump = client.register_script(_BUMP)
        self._listener: threading.Thread | None = None
        if listen:
            self._listener = threading.Thread(
                target=self._listen, name="cache-versions", daemon=True
            )
            self._listener.start()

    def _key(self, namespace: str) -> str:
        return PREFIX + namespace

    @property
    def pushed(self) -> bool:
        """True while versions come from this process's copy (no round trip per read)."""
        return time.monotonic() < self._fresh_until

    def current(self, namespace: str) -> int:
        return self.current_many([namespace])[0]

    def current_many(self, namespaces: list[str]) -> list[int]:
        if time.monotonic() < self._fresh_until:
            local = self._local
            if all(n in local for n in namespaces):
                return [local[n] for n in namespaces]
        try:
            values = self._client.mget([self._key(n) for n in namespaces])
        except RedisError:
            return [-time.monotonic_ns()] * len(namespaces)
        read = [int(v) if v else 0 for v in values]
        self._merge(dict(zip(namespaces, read, strict=True)), learn=True)
        return [self._local[n] for n in namespaces]

    def bump(self, namespace: str) -> None:
        self.bump_all({namespace})

    def bump_all(self, namespaces: Iterable[str]) -> None:
        names = sorted(namespaces)
        if not names:
            return
        try:
            published = self._bump(keys=[self._key(n) for n in names], args=[*names, CHANNEL])
        except RedisError as exc:
            log.warning("cache versions not bumped in Redis: %s", exc)
            return
        self._apply(published)

    def close(self) -> None:
        self._stopped.set()
        if self._listener is not None:
            self._listener.join(timeout=2)

    def _merge(self, versions: Mapping[str, int], *, learn: bool = False) -> None:
        # Versions only grow: a late answer never takes a namespace back to an older version.
        with self._lock:
            for namespace, version in versions.items():
                if version > self._local.get(namespace, -1):
                    self._local[namespace] = version
            if learn:
                self._known.update(versions)

    def _apply(self, published: Iterable[Any]) -> None:
        """Items "namespace=version", several to a message separated by spaces."""
        found: dict[str, int] = {}
        for message in published:
            text = message.decode() if isinstance(message, bytes) else str(message)
            for item in text.split():
                namespace, _, version = item.rpartition("=")
                if namespace and version.lstrip("-").isdigit():
                    found[namespace] = int(version)
        self._merge(found, learn=True)

    def _resync_now(self) -> None:
        names = sorted(self._known)
        if names:
            values = self._client.mget([self._key(n) for n in names])
            self._merge({n: int(v) if v else 0 for n, v in zip(names, values, strict=True)})
        self._fresh_until = time.monotonic() + self._trust

    def _listen(self) -> None:
        while not self._stopped.is_set():
            pubsub = self._client.pubsub(ignore_subscribe_messages=True)  # type: ignore[no-untyped-call]
            try:
                pubsub.subscribe(CHANNEL)
                self._resync_now()  # after subscribing: nothing published since is missed
                next_resync = time.monotonic() + self._resync
                while not self._stopped.is_set():
                    message = pubsub.get_message(timeout=self._resync)
                    if message is not None and message.get("type") == "message":
                        self._apply([message["data"]])
                    if time.monotonic() >= next_resync:
                        self._resync_now()
                        next_resync = time.monotonic() + self._resync
            except Exception as exc:  # never let the listener die: fall back, then retry
                self._fresh_until = 0.0
                if not self._stopped.is_set():
                    log.warning("cache version listener: %s; asking Redis meanwhile", exc)
                    self._stopped.wait(0.5)
            finally:
                with contextlib.suppress(RedisError, OSError):
                    pubsub.close()


Versions = LocalVersions | RedisVersions


class VersionedReadCache:
    """The `ReadCache` port in this process's memory, versions local or shared through Redis."""

    def __init__(
        self,
        versions: Versions,
        ttl: float = 1.0,
        max_entries: int = 20_000,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._versions, self._ttl, self._max, self._now = versions, ttl, max_entries, now
        self._entries: OrderedDict[tuple[str, str], tuple[object, float, object, Dependencies]]
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def version(self, namespace: str) -> int:
        return self._versions.current(namespace)

    def versions(self, namespaces: list[str]) -> list[int]:
        return self._versions.current_many(namespaces)

    def get(self, namespace: str, key: str, version: object) -> object | None:
        with self._lock:
            entry = self._entries.get((namespace, key))
        if entry is None:
            return None
        stored_version, expires, value, dependencies = entry
        if stored_version != version or self._now() >= expires:
            return None
        if dependencies:
            names = [name for name, _ in dependencies]
            if self._versions.current_many(names) != [v for _, v in dependencies]:
                return None
        return value

    def put(
        self,
        namespace: str,
        key: str,
        version: object,
        value: object,
        dependencies: Dependencies = (),
        *,
        lasting: float | None = None,
    ) -> None:
        life = self._ttl
        if lasting is not None:
            # Local versions are this process's own: another process's write would go unseen.
            life = lasting if isinstance(self._versions, RedisVersions) else min(lasting, life)
        with self._lock:
            self._entries[(namespace, key)] = (
                version,
                self._now() + life,
                value,
                dependencies,
            )
            self._entries.move_to_end((namespace, key))
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def invalidate(self, namespaces: set[str]) -> None:
        self._versions.bump_all(namespaces)

    def close(self) -> None:
        self._versions.close()
