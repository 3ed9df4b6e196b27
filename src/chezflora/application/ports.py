"""Ports: what the use cases need from the outside world, as Protocols."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, aware UTC."""
        ...


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str:
        """A self-describing hash (argon2id)."""
        ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True when the password matches; never raises on a mismatch."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with other parameters than the current ones."""
        ...


@dataclass(frozen=True, slots=True)
class TokenPair:
    access: str
    refresh: str


@dataclass(frozen=True, slots=True)
class TokenClaims:
    user_id: int
    version: int
    token_type: str
    expires_at: datetime


class TokenIssuer(Protocol):
    def issue(self, user_id: int, username: str, role: str, version: int) -> TokenPair:
        """A fresh access + refresh pair."""
        ...

    def access_from_refresh(self, refresh: str, username: str, role: str, version: int) -> str:
        """A new access token for a refresh token already checked with `read`."""
        ...

    def read(self, token: str, expected_type: str) -> TokenClaims | None:
        """The claims of a valid, unexpired token of that type; None otherwise."""
        ...


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """An e-mail to send: a French template name and its variables (the adapter renders)."""

    to: str
    template: str
    context: dict[str, object] = field(default_factory=dict)


class EmailSender(Protocol):
    def send(self, email: OutgoingEmail) -> None:
        """Deliver now; raise on failure so the caller can retry."""
        ...


class EmailDispatcher(Protocol):
    def dispatch(self, email_ids: list[int]) -> None:
        """Arrange delivery of committed outbox rows, outside the request."""
        ...


class RateLimiter(Protocol):
    def hit(self, scope: str, key: str) -> int | None:
        """Count one request; None when allowed, else seconds to wait."""
        ...

    def peek(self, scope: str, key: str) -> int | None:
        """Whether one more request would be refused (seconds to wait), counting nothing."""
        ...
