"""This request's rate limits (decisions.md §2): a budget per scope, per client IP by default."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.ports import RateLimiter
from chezflora.domain.errors import TooManyRequests


@dataclass(frozen=True, slots=True)
class Throttle:
    limiter: RateLimiter
    client: str  # the client's IP address

    def __call__(self, scope: str, key: str | None = None) -> None:
        """Count this request against `scope`'s budget for `key` (the client IP when absent);
        429 once it is spent."""
        wait = self.limiter.hit(scope, self.client if key is None else key)
        if wait is not None:
            raise TooManyRequests(wait)

    def refuse_if_spent(self, scope: str, key: str) -> None:
        """429 when one more request would be refused, counting nothing."""
        wait = self.limiter.peek(scope, key)
        if wait is not None:
            raise TooManyRequests(wait)

    def count(self, scope: str, key: str) -> None:
        """Count one request without refusing it (e.g. a failed login against its account)."""
        self.limiter.hit(scope, key)
