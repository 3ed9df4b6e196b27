"""Idempotency-Key: one (user, key) pair answers one request, the same way, for 24 hours."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from chezflora.domain.errors import Conflict

KEY_LIFETIME = timedelta(hours=24)
REUSED_KEY_MESSAGE = "Clé d'idempotence déjà utilisée avec une autre requête"


@dataclass(frozen=True, slots=True)
class KeyScope:
    """Keys are per user: two users may send the same key without meeting."""

    user_id: int
    key: str


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """What the first request under a key answered, and when."""

    fingerprint: str
    status: int
    body: bytes
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Replay:
    """Answer with the stored response and do nothing again."""

    status: int
    body: bytes


@dataclass(frozen=True, slots=True)
class Proceed:
    """Handle the request, then store its response under the key."""


def fingerprint(method: str, path: str, body: bytes) -> str:
    """sha256 of method, path and raw body; NUL separators keep the parts from running together."""
    digest = hashlib.sha256()
    digest.update(method.upper().encode())
    digest.update(b"\0")
    digest.update(path.encode())
    digest.update(b"\0")
    digest.update(body)
    return digest.hexdigest()


def is_expired(stored: StoredResponse, now: datetime) -> bool:
    """A stored response counts for 24 h from the first request."""
    return now - stored.created_at >= KEY_LIFETIME


def decide(
    stored: StoredResponse | None, request_fingerprint: str, now: datetime
) -> Replay | Proceed:
    """Same request within 24 h: replay; another request under a live key: 409; else proceed."""
    if stored is None or is_expired(stored, now):
        return Proceed()
    if stored.fingerprint != request_fingerprint:
        raise Conflict(REUSED_KEY_MESSAGE)
    return Replay(stored.status, stored.body)
