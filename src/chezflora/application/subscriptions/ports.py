"""What subscription use cases need from storage: the aggregate, and the ledger it moves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.money import Money
from chezflora.domain.order import OrderLine
from chezflora.domain.subscription import Subscription


class DeliveryAlreadyGenerated(Exception):
    """The order of this (subscription, delivery date) exists: the database refused a second."""


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """What a subscription reads of a product: base price (never promoted), name, availability."""

    id: int
    nom: str
    prix: Money
    is_active: bool


@dataclass(frozen=True, slots=True)
class DeliveryOrder:
    """The order one delivery date of a subscription becomes."""

    subscription_id: int
    client_id: int
    delivery_date: date
    address_id: int | None
    lines: tuple[OrderLine, ...]
    total: Money
    placed_at: datetime


@dataclass(frozen=True, slots=True)
class PeriodPayment:
    """A `simule` payment of one subscription period, paid by the subscription's client."""

    subscription_id: int
    payer_id: int
    amount: Money
    details: str
    recorded_at: datetime


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
    def due_for_delivery(self, now: datetime) -> list[int]:
        """Candidates (active, paid, next delivery reached); the domain decides for each."""
        ...

    def due_for_billing(self, now: datetime) -> list[int]:
        """Candidates (active, paid, next billing reached); the domain decides for each."""
        ...


class SubscriptionLedger(Protocol):
    """Products, stock, addresses, orders and payments, as a subscription touches them."""

    def products(self, product_ids: Iterable[int]) -> dict[int, ProductFacts]: ...
    def take_stock(self, quantities: Mapping[int, int]) -> list[int]:
        """Decrement every line or none; the products short of stock (empty when taken)."""
        ...

    def delivery_address(self, client_id: int) -> int | None:
        """The client's default address, else their latest one, else None."""
        ...

    def delivery_exists(self, subscription_id: int, delivery_date: date) -> bool: ...
    def place_order(self, order: DeliveryOrder) -> int:
        """Insert the order and its lines; DeliveryAlreadyGenerated when that date exists."""
        ...

    def record_payment(self, payment: PeriodPayment) -> int: ...
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
