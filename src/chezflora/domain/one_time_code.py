"""One-time codes (OTP) for activation and password reset: single use, short-lived, five tries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from chezflora.domain.errors import InvalidInput

MAX_ATTEMPTS = 5
INVALID_CODE = "OTP invalide ou expiré"


class CodePurpose(StrEnum):
    ACTIVATION = "activation"
    RESET = "reset"


@dataclass(eq=False, kw_only=True)
class OneTimeCode:
    """A hashed code; a reset code can never activate an account (the purposes differ)."""

    id: int | None = None
    user_id: int
    purpose: CodePurpose
    code_hash: str
    created_at: datetime
    expires_at: datetime
    attempts: int = 0
    used_at: datetime | None = None

    def is_usable(self, now: datetime) -> bool:
        return self.used_at is None and self.attempts < MAX_ATTEMPTS and now <= self.expires_at

    def ensure_usable(self, now: datetime) -> None:
        if not self.is_usable(now):
            raise InvalidInput(INVALID_CODE)
