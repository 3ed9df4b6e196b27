"""Subscriptions in SQL: the row and its product lines ↔ `Subscription`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.subscriptions import (
    subscription_products,
    subscriptions,
)
from chezflora.domain.money import Money
from chezflora.domain.subscription import (
    PaymentState,
    Subscription,
    SubscriptionLine,
    SubscriptionType,
)

_UNPAID = PaymentState.NON_PAYE.value


def subscription_from_row(row: Any, lines: tuple[SubscriptionLine, ...]) -> Subscription:
    return Subscription(
        id=row.id,
        client_id=row.client_id,
        type=SubscriptionType(row.type),
        date_debut=row.date_debut,
        date_fin=row.date_fin,
        lines=lines,
        prix=Money(row.prix),
        paiement_statut=PaymentState(row.paiement_statut),
        is_active=row.is_active,
        prochaine_livraison=row.prochaine_livraison,
        prochaine_facturation=row.prochaine_facturation,
    )


class SqlSubscriptionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, subscription_id: int, *, for_update: bool = False) -> Subscription | None:
        query = sa.select(subscriptions).where(subscriptions.c.id == subscription_id)
        row = self._conn.execute(query.with_for_update() if for_update else query).first()
        if row is None:
            return None
        lines = self._conn.execute(
            sa.select(subscription_products.c.produit_id, subscription_products.c.quantite)
            .where(subscription_products.c.abonnement_id == subscription_id)
            .order_by(subscription_products.c.produit_id)
        ).all()
        return subscription_from_row(row, tuple(SubscriptionLine(p, q) for p, q in lines))

    def add(self, subscription: Subscription, now: datetime) -> None:
        values = self._values(subscription, now)
        result = self._conn.execute(
            sa.insert(subscriptions).values(**values, date_creation=now, version=1)
        )
        subscription.id = inserted_id(result)
        self._insert_lines(subscription)

    def save(self, subscription: Subscription, now: datetime) -> None:
        self._conn.execute(
            sa.update(subscriptions)
            .where(subscriptions.c.id == subscription.id)
            .values(**self._values(subscription, now), version=subscriptions.c.version + 1)
        )
        self._conn.execute(
            sa.delete(subscription_products).where(
                subscription_products.c.abonnement_id == subscription.id
            )
        )
        self._insert_lines(subscription)

    def delete(self, subscription_id: int) -> None:
        self._conn.execute(sa.delete(subscriptions).where(subscriptions.c.id == subscription_id))

    def active_for_client(self, client_id: int) -> list[int]:
        query = sa.select(subscriptions.c.id).where(
            subscriptions.c.client_id == client_id, subscriptions.c.is_active.is_(True)
        )
        return [int(i) for i in self._conn.execute(query.order_by(subscriptions.c.id)).scalars()]

    def due_for_delivery(self, now: datetime) -> list[int]:
        return self._due(subscriptions.c.prochaine_livraison, now)

    def due_for_billing(self, now: datetime) -> list[int]:
        return self._due(subscriptions.c.prochaine_facturation, now)

    def _due(self, column: sa.Column[Any], now: datetime) -> list[int]:
        query = (
            sa.select(subscriptions.c.id)
            .where(
                subscriptions.c.is_active.is_(True),
                subscriptions.c.paiement_statut != _UNPAID,
                column <= now,
            )
            .order_by(column, subscriptions.c.id)
        )
        return [int(i) for i in self._conn.execute(query).scalars()]

    def _insert_lines(self, subscription: Subscription) -> None:
        if subscription.lines:
            self._conn.execute(
                sa.insert(subscription_products),
                [
                    {"abonnement_id": subscription.id, "produit_id": p, "quantite": q}
                    for p, q in subscription.lines
                ],
            )

    @staticmethod
    def _values(subscription: Subscription, now: datetime) -> dict[str, Any]:
        return {
            "client_id": subscription.client_id,
            "type": subscription.type.value,
            "date_debut": subscription.date_debut,
            "date_fin": subscription.date_fin,
            "prix": subscription.prix.amount,
            "paiement_statut": subscription.paiement_statut.value,
            "is_active": subscription.is_active,
            "prochaine_livraison": subscription.prochaine_livraison,
            "prochaine_facturation": subscription.prochaine_facturation,
            "date_mise_a_jour": now,
        }
