"""Idempotency-Key for subscription creation: one (user, key) runs once, then replays 24 h.

The key is reserved (a pending row) before the work runs, so a concurrent duplicate is told
"in progress" instead of running twice; the lead will unify this with the shopping helper.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from chezflora.application.ports import Clock
from chezflora.domain.errors import Conflict
from chezflora.domain.idempotency import (
    REUSED_KEY_MESSAGE,
    KeyScope,
    Replay,
    StoredResponse,
    decide,
)

PENDING = 0
IN_PROGRESS_MESSAGE = "Une requête avec cette clé d'idempotence est en cours de traitement"


class IdempotencyKeyStore(Protocol):
    def reserve(self, scope: KeyScope, fingerprint: str, now: datetime) -> StoredResponse | None:
        """Claim the key with a pending row (status 0), replacing an expired one; None when
        claimed, else what the live key holds."""
        ...

    def complete(self, scope: KeyScope, status: int, body: bytes) -> None: ...
    def release(self, scope: KeyScope) -> None:
        """Forget a claim whose request failed, so the client may retry with the same key."""
        ...


class RunOnce:
    """Run `action` (→ status, body) once per key; replay its answer for the same request."""

    def __init__(self, store: IdempotencyKeyStore, clock: Clock) -> None:
        self._store, self._clock = store, clock

    def __call__(
        self, scope: KeyScope, fingerprint: str, action: Callable[[], tuple[int, bytes]]
    ) -> tuple[int, bytes]:
        now = self._clock.now()
        held = self._store.reserve(scope, fingerprint, now)
        if held is not None:
            return _answer(held, fingerprint, now)
        try:
            status, body = action()
        except BaseException:
            self._store.release(scope)
            raise
        self._store.complete(scope, status, body)
        return status, body


def _answer(held: StoredResponse, fingerprint: str, now: datetime) -> tuple[int, bytes]:
    if held.status == PENDING:
        same = held.fingerprint == fingerprint
        raise Conflict(IN_PROGRESS_MESSAGE if same else REUSED_KEY_MESSAGE)
    decision = decide(held, fingerprint, now)
    assert isinstance(decision, Replay), "reserve() replaces expired keys"
    return decision.status, decision.body
