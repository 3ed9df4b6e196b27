"""In-memory subscriptions and the ledger they read (orders, payments, addresses)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime

from chezflora.domain.payment import PaymentStatus
from chezflora.domain.subscription import PaymentState, Subscription
from tests.fakes.tables import Store, Tables

# Which of its next dates a due-list reads.
_When = Callable[[Subscription], datetime | None]


class InMemorySubscriptions:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, subscription_id: int, *, for_update: bool = False) -> Subscription | None:
        found = copy.deepcopy(self._tables.subscriptions.get(subscription_id))
        if found is not None:  # lines read back by product id, as the SQL read orders them
            found.lines = tuple(sorted(found.lines))
        return found

    def add(self, subscription: Subscription, now: datetime) -> None:
        subscription.id = self._store.new_id()
        self._tables.subscriptions[subscription.id] = copy.deepcopy(subscription)

    def save(self, subscription: Subscription, now: datetime) -> None:
        if subscription.id in self._tables.subscriptions:
            self._tables.subscriptions[subscription.id] = copy.deepcopy(subscription)

    def delete(self, subscription_id: int) -> None:
        t = self._tables
        t.subscriptions.pop(subscription_id, None)
        for row in (*t.orders.values(), *t.payments.values()):  # ON DELETE SET NULL
            if row.subscription_id == subscription_id:
                row.subscription_id = None

    def active_for_client(self, client_id: int) -> list[int]:
        return sorted(
            s.id
            for s in self._tables.subscriptions.values()
            if s.client_id == client_id and s.is_active
        )

    def due_for_delivery(self, now: datetime) -> list[int]:
        return self._due(now, lambda s: s.prochaine_livraison)

    def due_for_billing(self, now: datetime) -> list[int]:
        return self._due(now, lambda s: s.prochaine_facturation)

    def _due(self, now: datetime, when: _When) -> list[int]:
        due = [
            (moment, s.id)
            for s in self._tables.subscriptions.values()
            if s.is_active
            and s.paiement_statut is not PaymentState.NON_PAYE
            and (moment := when(s)) is not None
            and moment <= now
        ]
        return [subscription_id for _, subscription_id in sorted(due)]


class InMemorySubscriptionLedger:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables = tables

    def delivery_address(self, client_id: int) -> int | None:
        mine = [a for a in self._tables.addresses.values() if a.client_id == client_id]
        best = max(mine, key=lambda a: (a.is_default, a.id or 0), default=None)
        return None if best is None else best.id

    def delivery_exists(self, subscription_id: int, delivery_date: date) -> bool:
        return self._tables.delivery_taken(subscription_id, delivery_date)

    def has_history(self, subscription_id: int) -> bool:
        t = self._tables
        ordered = any(o.subscription_id == subscription_id for o in t.orders.values())
        settled = any(
            p.subscription_id == subscription_id and p.status is not PaymentStatus.SIMULE
            for p in t.payments.values()
        )
        return ordered or settled

    def drop_pending_payments(self, subscription_id: int) -> int:
        t = self._tables
        gone = [
            k
            for k, p in t.payments.items()
            if p.subscription_id == subscription_id and p.status is PaymentStatus.SIMULE
        ]
        for payment_id in gone:
            del t.payments[payment_id]
        return len(gone)
