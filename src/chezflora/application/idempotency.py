"""Idempotency-Key around any request: claim the key, run once, store the answer, replay it.

The one mechanism behind checkout, payment simulation and subscription creation (and, later,
workshop registration; decisions §4). The key is claimed in its own short transaction so that a
concurrent duplicate meets the unique (user, key) row at once instead of running the work.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from chezflora.application.ports import Clock
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.errors import Conflict, InvalidInput
from chezflora.domain.idempotency import (
    REUSED_KEY_MESSAGE,
    KeyScope,
    Replay,
    decide,
    is_expired,
)

PENDING = 0
# A claim still pending after this long belongs to a request that died between its work and
# `finish`: the key is freed rather than blocked for 24 h.
STALE_CLAIM = timedelta(minutes=2)
MAX_KEY_LENGTH = 255
IN_PROGRESS_MESSAGE = "Une requête avec cette clé d'idempotence est déjà en cours"
KEY_TOO_LONG = "La clé d'idempotence ne doit pas dépasser 255 caractères."


@dataclass(frozen=True, slots=True)
class Answer:
    """The response to send: the one just produced, or the stored one replayed."""

    status: int
    body: bytes
    replayed: bool = False


@dataclass(frozen=True, slots=True)
class Claimed:
    """This request owns the key: run it, then `finish` (or `abandon` if it failed)."""

    scope: KeyScope


def _abandoned(status: int, created_at: datetime, now: datetime) -> bool:
    return status == PENDING and now - created_at > STALE_CLAIM


class IdempotencyGuard:
    """Begin → Replay (answer with it) or Claimed (do the work, then finish or abandon)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def run(
        self, user_id: int, key: str, fingerprint: str, work: Callable[[], tuple[int, bytes]]
    ) -> Answer:
        """Run `work` (→ status, body) once per (user, key); replay its answer for 24 h."""
        outcome = self.begin(user_id, key, fingerprint)
        if isinstance(outcome, Replay):
            return Answer(outcome.status, outcome.body, replayed=True)
        try:
            status, body = work()
        except BaseException:
            self.abandon(outcome)
            raise
        self.finish(outcome, status, body)
        return Answer(status, body)

    def begin(self, user_id: int, key: str, fingerprint: str) -> Replay | Claimed:
        if len(key) > MAX_KEY_LENGTH:
            raise InvalidInput(KEY_TOO_LONG)
        scope = KeyScope(user_id, key)
        # A record can vanish between our insert and our read (its request failed): try again.
        for _ in range(3):
            outcome = self._try_claim(scope, fingerprint)
            if outcome is not None:
                return outcome
        raise Conflict(IN_PROGRESS_MESSAGE)

    def _try_claim(self, scope: KeyScope, fingerprint: str) -> Replay | Claimed | None:
        now = self._clock.now()
        with self._uow() as uow:
            keys = uow.idempotency
            if keys.claim(scope.user_id, scope.key, fingerprint, now):
                uow.commit()
                return Claimed(scope)
            stored = keys.find(scope.user_id, scope.key)
            if stored is None:
                return None
            if is_expired(stored, now) or _abandoned(stored.status, stored.created_at, now):
                taken = keys.replace_expired(
                    scope.user_id, scope.key, stored.created_at, fingerprint, now
                )
                uow.commit()
                return Claimed(scope) if taken else None
            if stored.status == PENDING:
                raise Conflict(
                    REUSED_KEY_MESSAGE if stored.fingerprint != fingerprint else IN_PROGRESS_MESSAGE
                )
            decision = decide(stored, fingerprint, now)
            assert isinstance(decision, Replay)
            return decision

    def finish(self, claim: Claimed, status: int, body: bytes) -> None:
        with self._uow() as uow:
            uow.idempotency.complete(claim.scope.user_id, claim.scope.key, status, body)
            uow.commit()

    def abandon(self, claim: Claimed) -> None:
        """The request failed: free the key so the client can try again with it."""
        with self._uow() as uow:
            uow.idempotency.release(claim.scope.user_id, claim.scope.key)
            uow.commit()
