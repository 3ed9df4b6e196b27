"""Idempotency-Key around any request: claim the key, run once, store the answer, replay it.

The one mechanism behind checkout, payment simulation and subscription creation (and, later,
workshop registration; decisions §4). Two ways to run the work:

- `run(..., atomic=True)`: the key is claimed, the work runs and its answer is recorded in ONE
  transaction (one COMMIT). Units of work the work opens join that transaction, so the answer
  must be built from what the work holds (a read through a queries port, on another connection,
  would not see the work's writes yet). A concurrent duplicate waits on the unique (user, key)
  row until the first commits, then replays its answer (or runs, if the first failed).
- `run(...)` (default, for works that read their answer back after committing): the key is
  claimed in its own short transaction and the answer stored in another. A concurrent duplicate
  polls the pending claim for a few seconds and then replays.

Either way a duplicate still waiting after `wait` (5 s) gets `Conflict` ("déjà en cours").

The guard answers with data, not a response: `Fresh(answer)` when the work ran now, or
`Replayed(answer)` with the answer recorded by the first request. A `RecordedAnswer` is opaque
here (a code and a payload the caller chose and encoded); the HTTP layer turns it into a status,
a body and the replay header.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from chezflora.application.ports import Clock
from chezflora.application.shopping.common import retrying
from chezflora.application.shopping.repositories import KeyStillInUse
from chezflora.application.unit_of_work import (
    TransactionConflict,
    UnitOfWork,
    UnitOfWorkFactory,
    sharing,
)
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
# How long a duplicate waits for the first request under its key before answering 409.
WAIT_FOR_FIRST = timedelta(seconds=5)
POLL_SECONDS = 0.05
MAX_KEY_LENGTH = 255
IN_PROGRESS_MESSAGE = "Une requête avec cette clé d'idempotence est déjà en cours"
KEY_TOO_LONG = "La clé d'idempotence ne doit pas dépasser 255 caractères."


@dataclass(frozen=True, slots=True)
class RecordedAnswer:
    """What the work answered, as its caller encoded it; stored as is, replayed as is."""

    code: int
    payload: bytes


@dataclass(frozen=True, slots=True)
class Fresh:
    """The work ran under the key just now and this, its answer, is recorded."""

    answer: RecordedAnswer


@dataclass(frozen=True, slots=True)
class Replayed:
    """The key already answered this same request: its recorded answer; nothing ran again."""

    answer: RecordedAnswer


Outcome = Fresh | Replayed


@dataclass(frozen=True, slots=True)
class Claimed:
    """This request owns the key: run it, then `finish` (or `abandon` if it failed)."""

    scope: KeyScope


def _abandoned(status: int, created_at: datetime, now: datetime) -> bool:
    return status == PENDING and now - created_at > STALE_CLAIM


def _replayed(replay: Replay) -> Replayed:
    return Replayed(RecordedAnswer(replay.status, replay.body))


class _StillPending(Exception):
    """The first request under the key has not answered yet (two-transaction mode)."""


class IdempotencyGuard:
    """`run` is the entry point; begin/finish/abandon are its two-transaction steps."""

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, wait: timedelta = WAIT_FOR_FIRST
    ) -> None:
        self._uow, self._clock, self._wait = uow, clock, wait.total_seconds()

    def run(
        self,
        user_id: int,
        key: str,
        fingerprint: str,
        work: Callable[[], RecordedAnswer],
        *,
        atomic: bool = False,
    ) -> Outcome:
        """Run `work` once per (user, key); replay its recorded answer for 24 h.

        A failing work (exception) records nothing: the key stays free for a retry."""
        if len(key) > MAX_KEY_LENGTH:
            raise InvalidInput(KEY_TOO_LONG)
        if atomic:
            return retrying(lambda: self._run_atomic(KeyScope(user_id, key), fingerprint, work))
        outcome = self.begin(user_id, key, fingerprint)
        if isinstance(outcome, Replay):
            return _replayed(outcome)
        try:
            answer = work()
        except BaseException:
            self.abandon(outcome)
            raise
        self.finish(outcome, answer)
        return Fresh(answer)

    def _run_atomic(
        self, scope: KeyScope, fingerprint: str, work: Callable[[], RecordedAnswer]
    ) -> Outcome:
        with self._uow() as uow:
            outcome = self._claim_in(uow, scope, fingerprint, self._clock.now())
            if isinstance(outcome, Replay):
                return _replayed(outcome)
            with sharing(uow):
                answer = work()
            uow.idempotency.complete(scope.user_id, scope.key, answer.code, answer.payload)
            uow.commit()
        return Fresh(answer)

    def _claim_in(
        self, uow: UnitOfWork, scope: KeyScope, fingerprint: str, now: datetime
    ) -> Replay | Claimed:
        keys = uow.idempotency
        try:
            # Waits while a concurrent request under the same key is still in its transaction.
            if keys.claim(scope.user_id, scope.key, fingerprint, now):
                return Claimed(scope)
        except KeyStillInUse:
            raise Conflict(IN_PROGRESS_MESSAGE) from None
        stored = keys.find(scope.user_id, scope.key)
        if stored is None:
            raise TransactionConflict("the key's record vanished: run again")
        if is_expired(stored, now) or _abandoned(stored.status, stored.created_at, now):
            if keys.replace_expired(scope.user_id, scope.key, stored.created_at, fingerprint, now):
                return Claimed(scope)
            raise TransactionConflict("the key's record changed: run again")
        if stored.status == PENDING:  # claimed by a two-transaction request still running
            raise Conflict(
                REUSED_KEY_MESSAGE if stored.fingerprint != fingerprint else IN_PROGRESS_MESSAGE
            )
        decision = decide(stored, fingerprint, now)
        assert isinstance(decision, Replay)
        return decision

    def begin(self, user_id: int, key: str, fingerprint: str) -> Replay | Claimed:
        if len(key) > MAX_KEY_LENGTH:
            raise InvalidInput(KEY_TOO_LONG)
        scope = KeyScope(user_id, key)
        deadline = time.monotonic() + self._wait
        # A record can vanish between our insert and our read (its request failed), or still be
        # pending (its request is running): look again until it answers or the wait is over.
        while True:
            try:
                outcome = self._try_claim(scope, fingerprint)
            except _StillPending:
                outcome = None
            if outcome is not None:
                return outcome
            if time.monotonic() >= deadline:
                raise Conflict(IN_PROGRESS_MESSAGE)
            time.sleep(POLL_SECONDS)

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
                if stored.fingerprint != fingerprint:
                    raise Conflict(REUSED_KEY_MESSAGE)
                raise _StillPending
            decision = decide(stored, fingerprint, now)
            assert isinstance(decision, Replay)
            return decision

    def finish(self, claim: Claimed, answer: RecordedAnswer) -> None:
        with self._uow() as uow:
            scope = claim.scope
            uow.idempotency.complete(scope.user_id, scope.key, answer.code, answer.payload)
            uow.commit()

    def abandon(self, claim: Claimed) -> None:
        """The request failed: free the key so the client can try again with it."""
        with self._uow() as uow:
            uow.idempotency.release(claim.scope.user_id, claim.scope.key)
            uow.commit()
