"""Helpers every shopping use case shares: retries, visibility, e-mails to the client."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import TransactionConflict, UnitOfWork, UserContact
from chezflora.domain.errors import Conflict, NotFound
from chezflora.domain.money import Money

T = TypeVar("T")
ATTEMPTS = 5
BUSY_MESSAGE = "Le service est très sollicité, veuillez réessayer."


def retrying(work: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """Run a whole transaction again when the database aborted it (deadlock, lock wait)."""
    for attempt in range(attempts):
        try:
            return work()
        except TransactionConflict:
            # Jittered backoff so the transactions that collided do not collide again.
            time.sleep(random.uniform(0.005, 0.03) * (attempt + 1))
    raise Conflict(BUSY_MESSAGE)


def ensure_visible(owner_id: int, user_id: int, is_admin: bool, message: str) -> None:
    """Someone else's resource does not exist for a client (404, not 403: nothing leaks)."""
    if not is_admin and owner_id != user_id:
        raise NotFound(message)


def amount(money: Money) -> str:
    """E-mail contexts are JSON-simple: money travels as a 2-place string."""
    return str(money.amount)


def remember_caller(uow: UnitOfWork, actor: Viewer) -> None:
    """The caller's address came with their token check (an account that can sign in is not
    erased): an e-mail or a brief about them in this transaction reads no account row."""
    if actor.email:
        uow.users.remember(UserContact(actor.user_id, actor.email, actor.username, None))


def notify_user(uow: UnitOfWork, user_id: int, template: str, **context: object) -> None:
    """Queue an e-mail to a user in the current transaction (nothing for erased accounts)."""
    user = uow.users.contact(user_id)
    if user is None or user.deleted_at is not None:
        return
    uow.outbox.add(OutgoingEmail(user.email, template, {"client_name": user.username, **context}))
