"""The unit of work and the repositories it hands out (one per aggregate)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol

from chezflora.application.ports import OutgoingEmail
from chezflora.application.shopping.repositories import (
    AddressRepository,
    CartRepository,
    IdempotencyRepository,
    OrderRepository,
    PaymentRepository,
    StockRepository,
    WishlistRepository,
)
from chezflora.domain.one_time_code import CodePurpose, OneTimeCode
from chezflora.domain.parameter import Parameter
from chezflora.domain.user import User


@dataclass(frozen=True, slots=True)
class UserContact:
    """What an e-mail or a nested client brief needs of a user."""

    id: int
    email: str
    username: str
    deleted_at: datetime | None


class UserRepository(Protocol):
    def get(self, user_id: int, *, for_update: bool = False) -> User | None: ...
    def contact(self, user_id: int) -> UserContact | None: ...
    def remember(self, contact: UserContact) -> None:
        """`contact` is already known to this transaction (the caller's, from the token check):
        `contact` answers it without a read."""
        ...

    def by_username(self, username: str) -> User | None: ...
    def by_email(self, email: str) -> User | None: ...
    def add(self, user: User) -> None:
        """Insert and set `user.id`."""
        ...

    def save(self, user: User) -> None: ...
    def admins(self) -> list[User]: ...


class CodeRepository(Protocol):
    def add(self, code: OneTimeCode) -> None: ...
    def latest(self, user_id: int, purpose: CodePurpose) -> OneTimeCode | None: ...
    def delete_for(self, user_id: int, purpose: CodePurpose) -> None: ...
    def consume(self, code_id: int, now: datetime) -> bool:
        """Mark used if still unused and not burnt; False when another request won."""
        ...

    def record_failure(self, code_id: int) -> None: ...
    def purge_expired(self, now: datetime) -> int: ...


class ParameterRepository(Protocol):
    def get(self, parameter_id: int) -> Parameter | None: ...
    def by_key(self, cle: str) -> Parameter | None: ...
    def values(self, keys: Iterable[str]) -> dict[str, str]: ...
    def add(self, parameter: Parameter) -> None: ...
    def save(self, parameter: Parameter) -> None: ...
    def delete(self, parameter_id: int) -> None: ...


class Outbox(Protocol):
    def add(self, email: OutgoingEmail) -> None:
        """Record an e-mail in the current transaction; it is delivered after commit."""
        ...


class UnitOfWork(Protocol):
    """Repositories are read-only members so each adapter may narrow their types."""

    @property
    def users(self) -> UserRepository: ...
    @property
    def codes(self) -> CodeRepository: ...
    @property
    def parameters(self) -> ParameterRepository: ...
    @property
    def outbox(self) -> Outbox: ...
    @property
    def carts(self) -> CartRepository: ...
    @property
    def addresses(self) -> AddressRepository: ...
    @property
    def orders(self) -> OrderRepository: ...
    @property
    def stock(self) -> StockRepository: ...
    @property
    def payments(self) -> PaymentRepository: ...
    @property
    def wishlists(self) -> WishlistRepository: ...
    @property
    def idempotency(self) -> IdempotencyRepository: ...

    def __enter__(self) -> UnitOfWork: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class TransactionConflict(Exception):
    """The database gave up on this transaction (deadlock, lock wait); running it again may work."""


class UnitOfWorkFactory(Protocol):
    def __call__(self) -> UnitOfWork: ...


# A unit of work opened while one is shared joins it: same connection, same transaction; its
# `commit()` leaves the commit to the sharer (the idempotency guard records the key and the
# answer in the work's own transaction this way). Adapters honour it in `__enter__`.
SHARED_TRANSACTION: ContextVar[UnitOfWork | None] = ContextVar(
    "chezflora_shared_transaction", default=None
)


@contextmanager
def sharing(uow: UnitOfWork) -> Iterator[None]:
    """Units of work opened inside the block join `uow` (already entered) instead of starting."""
    token = SHARED_TRANSACTION.set(uow)
    try:
        yield
    finally:
        SHARED_TRANSACTION.reset(token)
