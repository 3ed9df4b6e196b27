"""Logging in, refreshing, and recognising the bearer of a token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.application.identity.codes import issue_code
from chezflora.application.ports import Clock, PasswordHasher, TokenIssuer, TokenPair
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.errors import Forbidden, InvalidInput, NotAuthenticated
from chezflora.domain.one_time_code import CodePurpose
from chezflora.domain.user import User

BAD_CREDENTIALS = "Identifiants incorrects"
BANNED = "Ce compte est banni et ne peut pas être utilisé."


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is calling: a user id and role, or nobody. `email` is the account's address when the
    token was checked ("" if unknown), so an e-mail to the caller needs no read of the account."""

    user_id: int
    username: str
    is_admin: bool
    email: str = ""


@dataclass(frozen=True, slots=True)
class CheckedToken:
    """A bearer token found valid: whom it speaks for, and when it stops being valid anyway."""

    viewer: Viewer
    expires_at: datetime


class LogIn:
    """Username + password → tokens.

    - Wrong credentials: 400 `Identifiants incorrects` (no hint which part was wrong).
    - Right password on an unverified account: 401 `Utilisateur non actif` with `user_id`,
      and a fresh code is e-mailed (only the owner knows the password; login is throttled).
    - Banned: 403.
    - A hash made with other argon2 parameters than the current ones is redone.
    """

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher, tokens: TokenIssuer
    ) -> None:
        self._uow, self._clock, self._hasher, self._tokens = uow, clock, hasher, tokens

    def __call__(self, username: str, password: str) -> TokenPair:
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.by_username(username.strip())
            if user is None or not self._hasher.verify(user.password_hash, password):
                raise InvalidInput(BAD_CREDENTIALS)
            assert user.id is not None
            if user.is_banned:
                raise Forbidden(BANNED, error="BannedUserException")
            if not user.is_active:
                issue_code(uow, user, CodePurpose.ACTIVATION, now)
                uow.commit()
                raise NotAuthenticated("Utilisateur non actif", user_id=user.id)
            user.last_login = now
            if self._hasher.needs_rehash(user.password_hash):
                # Parameters changed (settings): upgrade while the password is at hand.
                user.password_hash = self._hasher.hash(password)
            uow.users.save(user)
            uow.commit()
        return self._tokens.issue(user.id, user.username, user.role.value, user.token_version)


class RefreshAccess:
    """A valid refresh token of a still-valid account → a new access token (refresh not rotated)."""

    def __init__(self, uow: UnitOfWorkFactory, tokens: TokenIssuer) -> None:
        self._uow, self._tokens = uow, tokens

    def __call__(self, refresh: str) -> str:
        claims = self._tokens.read(refresh, "refresh")
        invalid = InvalidInput("Le jeton est invalide ou expiré", error="invalid_grant")
        if claims is None:
            raise invalid
        with self._uow() as uow:
            user = uow.users.get(claims.user_id)
        if user is None or not _token_still_valid(user, claims.version):
            raise invalid
        return self._tokens.access_from_refresh(
            refresh, user.username, user.role.value, user.token_version
        )


class Authenticate:
    """Bearer access token → viewer, or None when absent, invalid, revoked or banned."""

    def __init__(self, uow: UnitOfWorkFactory, tokens: TokenIssuer) -> None:
        self._uow, self._tokens = uow, tokens

    def __call__(self, token: str) -> CheckedToken | None:
        claims = self._tokens.read(token, "access")
        if claims is None:
            return None
        with self._uow() as uow:
            user = uow.users.get(claims.user_id)
        if user is None or not _token_still_valid(user, claims.version):
            return None
        assert user.id is not None
        viewer = Viewer(
            user_id=user.id, username=user.username, is_admin=user.is_admin, email=user.email
        )
        return CheckedToken(viewer, claims.expires_at)


def _token_still_valid(user: User, version: int) -> bool:
    return user.is_active and not user.is_banned and user.token_version == version
