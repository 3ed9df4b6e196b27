"""Marks that keep one outbox row from being queued twice or sent by two threads at once.

Redis holds them when available (shared by every API and worker process); otherwise a
process-local table does, which is enough for the single-process `make run` setup.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol

from redis import Redis


class DeliveryGuard(Protocol):
    def mark_queued(self, email_id: int, seconds: int, *, only_if_absent: bool) -> bool:
        """Remember that a delivery message exists; False when one was already marked."""
        ...

    def unmark_queued(self, email_id: int) -> None:
        """The message gave up (retries spent): let the next relay sweep enqueue the row again."""
        ...

    def claim(self, email_id: int, seconds: int) -> bool:
        """Take the right to send now; False while another thread holds it."""
        ...

    def release(self, email_id: int) -> None: ...


class RedisDeliveryGuard:
    def __init__(self, redis: Redis, prefix: str = "chezflora:outbox") -> None:
        self._redis, self._prefix = redis, prefix

    def mark_queued(self, email_id: int, seconds: int, *, only_if_absent: bool) -> bool:
        key = f"{self._prefix}:queued:{email_id}"
        return bool(self._redis.set(key, 1, ex=seconds, nx=only_if_absent))

    def unmark_queued(self, email_id: int) -> None:
        self._redis.delete(f"{self._prefix}:queued:{email_id}")

    def claim(self, email_id: int, seconds: int) -> bool:
        return bool(self._redis.set(f"{self._prefix}:sending:{email_id}", 1, ex=seconds, nx=True))

    def release(self, email_id: int) -> None:
        self._redis.delete(f"{self._prefix}:sending:{email_id}")


class MemoryDeliveryGuard:
    def __init__(self) -> None:
        self._expiry: dict[str, float] = {}
        self._lock = threading.Lock()

    def _set(self, key: str, seconds: int, only_if_absent: bool) -> bool:
        now = time.monotonic()
        with self._lock:
            if only_if_absent and self._expiry.get(key, 0.0) > now:
                return False
            self._expiry = {k: v for k, v in self._expiry.items() if v > now}
            self._expiry[key] = now + seconds
            return True

    def mark_queued(self, email_id: int, seconds: int, *, only_if_absent: bool) -> bool:
        return self._set(f"queued:{email_id}", seconds, only_if_absent)

    def unmark_queued(self, email_id: int) -> None:
        with self._lock:
            self._expiry.pop(f"queued:{email_id}", None)

    def claim(self, email_id: int, seconds: int) -> bool:
        return self._set(f"sending:{email_id}", seconds, True)

    def release(self, email_id: int) -> None:
        with self._lock:
            self._expiry.pop(f"sending:{email_id}", None)
