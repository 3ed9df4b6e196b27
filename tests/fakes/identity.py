"""In-memory identity doubles: password hashing, tokens, users, one-time codes, parameters."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from chezflora.application.ports import OutgoingEmail, TokenClaims, TokenPair
from chezflora.application.unit_of_work import UserContact
from chezflora.domain.one_time_code import MAX_ATTEMPTS, CodePurpose, OneTimeCode
from chezflora.domain.parameter import Parameter
from chezflora.domain.user import Role, User
from tests.fakes.tables import Store, Tables


class PlainHasher:
    """Reversible on purpose: tests check what was hashed, not the cryptography."""

    def hash(self, password: str) -> str:
        return f"plain${password}"

    def verify(self, password_hash: str, password: str) -> bool:
        return password_hash == f"plain${password}"

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.startswith("plain$")


FAR_FUTURE = datetime(2100, 1, 1, tzinfo=UTC)  # fake tokens do not expire


class FakeTokens:
    def issue(self, user_id: int, username: str, role: str, version: int) -> TokenPair:
        return TokenPair(
            access=f"access:{user_id}:{version}", refresh=f"refresh:{user_id}:{version}"
        )

    def access_from_refresh(self, refresh: str, username: str, role: str, version: int) -> str:
        return refresh.replace("refresh", "access")

    def read(self, token: str, expected_type: str) -> TokenClaims | None:
        kind, _, rest = token.partition(":")
        user_id, _, version = rest.partition(":")
        if kind != expected_type or not user_id.isdigit():
            return None
        return TokenClaims(
            user_id=int(user_id), version=int(version), token_type=kind, expires_at=FAR_FUTURE
        )


class InMemoryUsers:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store
        self._rows = tables.users
        self._remembered: dict[int, UserContact] = {}

    def get(self, user_id: int, *, for_update: bool = False) -> User | None:
        return self._rows.get(user_id)

    def contact(self, user_id: int) -> UserContact | None:
        if user_id in self._remembered:
            return self._remembered[user_id]
        user = self._rows.get(user_id)
        if user is None or user.id is None:
            return None
        return UserContact(user.id, user.email, user.username, user.deleted_at)

    def remember(self, contact: UserContact) -> None:
        self._remembered.setdefault(contact.id, contact)

    def by_username(self, username: str) -> User | None:
        return next((u for u in self._rows.values() if u.username == username), None)

    def by_email(self, email: str) -> User | None:
        return next((u for u in self._rows.values() if u.email == email), None)

    def add(self, user: User) -> None:
        user.id = self._store.new_id()
        self._rows[user.id] = user

    def save(self, user: User) -> None:
        assert user.id is not None
        self._rows[user.id] = user

    def admins(self) -> list[User]:
        return [u for u in self._rows.values() if u.role is Role.ADMIN and u.is_active]


class InMemoryCodes:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def add(self, code: OneTimeCode) -> None:
        code.id = self._store.new_id()
        self._tables.codes[code.id] = code

    def latest(self, user_id: int, purpose: CodePurpose) -> OneTimeCode | None:
        mine = [
            c for c in self._tables.codes.values() if c.user_id == user_id and c.purpose is purpose
        ]
        return max(mine, key=lambda c: c.id or 0, default=None)

    def delete_for(self, user_id: int, purpose: CodePurpose) -> None:
        self._tables.codes = {
            k: c
            for k, c in self._tables.codes.items()
            if not (c.user_id == user_id and c.purpose is purpose)
        }

    def consume(self, code_id: int, now: datetime) -> bool:
        code = self._tables.codes.get(code_id)
        if code is None or code.used_at is not None or code.attempts >= MAX_ATTEMPTS:
            return False
        code.used_at = now
        return True

    def record_failure(self, code_id: int) -> None:
        self._tables.codes[code_id].attempts += 1

    def purge_expired(self, now: datetime) -> int:
        codes = self._tables.codes
        gone = [k for k, c in codes.items() if c.expires_at < now or c.used_at]
        for key in gone:
            del codes[key]
        return len(gone)


class InMemoryParameters:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._rows, self._store = tables.parameters, store

    def get(self, parameter_id: int) -> Parameter | None:
        return self._rows.get(parameter_id)

    def by_key(self, cle: str) -> Parameter | None:
        return next((p for p in self._rows.values() if p.cle == cle), None)

    def values(self, keys: Iterable[str]) -> dict[str, str]:
        wanted = set(keys)
        return {p.cle: p.valeur for p in self._rows.values() if p.cle in wanted}

    def add(self, parameter: Parameter) -> None:
        parameter.id = self._store.new_id()
        self._rows[parameter.id] = parameter

    def save(self, parameter: Parameter) -> None:
        assert parameter.id is not None
        self._rows[parameter.id] = parameter

    def delete(self, parameter_id: int) -> None:
        self._rows.pop(parameter_id, None)


class RecordingOutbox:
    def __init__(self) -> None:
        self.recorded: list[OutgoingEmail] = []

    def add(self, email: OutgoingEmail) -> None:
        self.recorded.append(email)
