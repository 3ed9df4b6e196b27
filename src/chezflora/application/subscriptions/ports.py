"""What subscription use cases need from storage: the aggregate, and the ledger it moves."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.subscription import Subscription


class SubscriptionRepository(Protocol):
    def get(self, subscription_id: int, *, for_update: bool = False) -> Subscription | None:
        """With its lines; `for_update` locks the row until the transaction ends."""
        ...

    def add(self, subscription: Subscription, now: datetime) -> None:
        """Insert with its lines and set `subscription.id`."""
        ...

    def save(self, subscription: Subscription, now: datetime) -> None:
        """Write every field and replace the lines."""
        ...

    def delete(self, subscription_id: int) -> None: ...
    def active_for_client(self, client_id: int) -> list[int]: ...
    def due_for_delivery(self, now: datetime) -> list[int]:
        """Candidates (active, paid, next delivery reached); the domain decides for each."""
        ...

    def due_for_billing(self, now: datetime) -> list[int]:
        """Candidates (active, paid, next billing reached); the domain decides for each."""
        ...


class SubscriptionLedger(Protocol):
    """What only subscriptions ask of orders, payments and addresses; inserting orders and
    payments and taking stock go through shopping's repositories (`orders`, `payments`,
    `stock`), so a delivery is an order like any other."""

    def delivery_address(self, client_id: int) -> int | None:
        """The client's default address, else their latest one, else None."""
        ...

    def delivery_exists(self, subscription_id: int, delivery_date: date) -> bool: ...
    def has_history(self, subscription_id: int) -> bool:
        """Orders, or payments that were not merely pending (`simule`)."""
        ...

    def drop_pending_payments(self, subscription_id: int) -> int:
        """Delete the `simule` payments of the subscription: unpaid bills of a dead subscription."""
        ...


class SubscriptionUnitOfWork(UnitOfWork, Protocol):
    @property
    def subscriptions(self) -> SubscriptionRepository: ...
    @property
    def subscription_ledger(self) -> SubscriptionLedger: ...
    def __enter__(self) -> SubscriptionUnitOfWork: ...


class SubscriptionUnitOfWorkFactory(Protocol):
    def __call__(self) -> SubscriptionUnitOfWork: ...
