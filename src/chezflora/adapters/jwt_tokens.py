"""JWT access/refresh tokens (HS256) with the claims the old clients know, plus role and version."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt

from chezflora.application.ports import Clock, TokenClaims, TokenPair

ALGORITHM = "HS256"


class JwtTokenIssuer:
    def __init__(
        self, secret: str, clock: Clock, access_lifetime: timedelta, refresh_lifetime: timedelta
    ) -> None:
        self._secret, self._clock = secret, clock
        self._lifetimes = {"access": access_lifetime, "refresh": refresh_lifetime}

    def _encode(self, token_type: str, user_id: int, extra: dict[str, Any]) -> str:
        now = self._clock.now()
        claims = {
            "token_type": token_type,
            "iat": int(now.timestamp()),
            "exp": int((now + self._lifetimes[token_type]).timestamp()),
            "jti": uuid.uuid4().hex,
            "user_id": user_id,
            **extra,
        }
        return jwt.encode(claims, self._secret, algorithm=ALGORITHM)

    def issue(self, user_id: int, username: str, role: str, version: int) -> TokenPair:
        extra = {"username": username, "role": role, "ver": version}
        return TokenPair(
            access=self._encode("access", user_id, extra),
            refresh=self._encode("refresh", user_id, {"ver": version}),
        )

    def access_from_refresh(self, refresh: str, username: str, role: str, version: int) -> str:
        claims = self.read(refresh, "refresh")
        assert claims is not None
        return self._encode(
            "access", claims.user_id, {"username": username, "role": role, "ver": version}
        )

    def read(self, token: str, expected_type: str) -> TokenClaims | None:
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[ALGORITHM],
                # Expiry is checked below against the injected clock, not the machine's.
                options={
                    "require": ["exp", "iat", "user_id", "token_type"],
                    "verify_exp": False,
                    "verify_iat": False,
                },
            )
        except jwt.PyJWTError:
            return None
        if claims.get("token_type") != expected_type:
            return None
        expires = int(claims["exp"])
        if expires <= int(self._clock.now().timestamp()):
            return None
        user_id, version = claims.get("user_id"), claims.get("ver", 0)
        if not isinstance(user_id, int) or not isinstance(version, int):
            return None
        return TokenClaims(
            user_id=user_id,
            version=version,
            token_type=expected_type,
            expires_at=datetime.fromtimestamp(expires, UTC),
        )
