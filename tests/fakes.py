"""In-memory doubles of the ports, for use-case tests without a database."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from types import TracebackType

from chezflora.application.ports import OutgoingEmail, TokenClaims, TokenPair
from chezflora.application.unit_of_work import UserContact
from chezflora.domain.cart import Cart
from chezflora.domain.one_time_code import MAX_ATTEMPTS, CodePurpose, OneTimeCode
from chezflora.domain.parameter import Parameter
from chezflora.domain.user import Role, User


class FakeClock:
    def __init__(self, now: datetime | None = None) -> None:
        self.current = now or datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> None:
        self.current += timedelta(**delta)


class PlainHasher:
    """Reversible on purpose: tests check what was hashed, not the cryptography."""

    def hash(self, password: str) -> str:
        return f"plain${password}"

    def verify(self, password_hash: str, password: str) -> bool:
        return password_hash == f"plain${password}"

    def needs_rehash(self, password_hash: str) -> bool:
        return not password_hash.startswith("plain$")


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
        return TokenClaims(user_id=int(user_id), version=int(version), token_type=kind)


class _Store:
    """Committed state shared by every FakeUnitOfWork of one test."""

    def __init__(self) -> None:
        self.users: dict[int, User] = {}
        self.codes: dict[int, OneTimeCode] = {}
        self.parameters: dict[int, Parameter] = {}
        self.emails: list[OutgoingEmail] = []
        self.carts: dict[int, Cart] = {}
        self.next_id = 1

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id


class InMemoryUsers:
    def __init__(self, rows: dict[int, User], store: _Store) -> None:
        self._rows, self._store = rows, store

    def get(self, user_id: int, *, for_update: bool = False) -> User | None:
        return self._rows.get(user_id)

    def contact(self, user_id: int) -> UserContact | None:
        user = self._rows.get(user_id)
        if user is None or user.id is None:
            return None
        return UserContact(user.id, user.email, user.username, user.deleted_at)

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

    def delete(self, user_id: int) -> None:
        self._rows.pop(user_id, None)

    def admins(self) -> list[User]:
        return [u for u in self._rows.values() if u.role is Role.ADMIN and u.is_active]


class InMemoryCodes:
    def __init__(self, rows: dict[int, OneTimeCode], store: _Store) -> None:
        self._rows, self._store = rows, store

    def add(self, code: OneTimeCode) -> None:
        code.id = self._store.new_id()
        self._rows[code.id] = code

    def latest(self, user_id: int, purpose: CodePurpose) -> OneTimeCode | None:
        mine = [c for c in self._rows.values() if c.user_id == user_id and c.purpose is purpose]
        return max(mine, key=lambda c: c.id or 0, default=None)

    def delete_for(self, user_id: int, purpose: CodePurpose) -> None:
        for key in [
            k for k, c in self._rows.items() if c.user_id == user_id and c.purpose is purpose
        ]:
            del self._rows[key]

    def consume(self, code_id: int, now: datetime) -> bool:
        code = self._rows.get(code_id)
        if code is None or code.used_at is not None or code.attempts >= MAX_ATTEMPTS:
            return False
        code.used_at = now
        return True

    def record_failure(self, code_id: int) -> None:
        self._rows[code_id].attempts += 1

    def purge_expired(self, now: datetime) -> int:
        gone = [k for k, c in self._rows.items() if c.expires_at < now or c.used_at]
        for key in gone:
            del self._rows[key]
        return len(gone)


class InMemoryParameters:
    def __init__(self, rows: dict[int, Parameter], store: _Store) -> None:
        self._rows, self._store = rows, store

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


class InMemoryCarts:
    """Only what identity needs: a cart per client, created with the account."""

    def __init__(self, rows: dict[int, Cart], store: _Store) -> None:
        self._rows, self._store = rows, store

    def for_client(self, client_id: int, *, for_update: bool = False) -> Cart | None:
        return next((c for c in self._rows.values() if c.client_id == client_id), None)

    def ensure(self, client_id: int, now: datetime) -> Cart:
        cart = self.for_client(client_id)
        if cart is None:
            cart = Cart(id=self._store.new_id(), client_id=client_id)
            self._rows[cart.id or 0] = cart
        return cart


class RecordingOutbox:
    def __init__(self) -> None:
        self.recorded: list[OutgoingEmail] = []

    def add(self, email: OutgoingEmail) -> None:
        self.recorded.append(email)


class FakeUnitOfWork:
    """Works on deep copies of the committed state; only `commit()` writes them back."""

    def __init__(self, store: _Store) -> None:
        self._store = store

    def __enter__(self) -> FakeUnitOfWork:
        self._users = copy.deepcopy(self._store.users)
        self._codes = copy.deepcopy(self._store.codes)
        self._parameters = copy.deepcopy(self._store.parameters)
        self.users = InMemoryUsers(self._users, self._store)
        self.codes = InMemoryCodes(self._codes, self._store)
        self.parameters = InMemoryParameters(self._parameters, self._store)
        self._carts = copy.deepcopy(self._store.carts)
        self.carts = InMemoryCarts(self._carts, self._store)
        self.outbox = RecordingOutbox()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self._store.users = copy.deepcopy(self._users)
        self._store.codes = copy.deepcopy(self._codes)
        self._store.parameters = copy.deepcopy(self._parameters)
        self._store.carts = copy.deepcopy(self._carts)
        self._store.emails.extend(self.outbox.recorded)
        self.outbox.recorded = []

    def rollback(self) -> None:
        self.outbox.recorded = []


class FakeUnitOfWorkFactory:
    def __init__(self) -> None:
        self.store = _Store()

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store)

    @property
    def emails(self) -> list[OutgoingEmail]:
        return self.store.emails
