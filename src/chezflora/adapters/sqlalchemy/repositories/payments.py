"""Payments in SQL; status moves are conditional updates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.shopping import payments
from chezflora.domain.money import Money
from chezflora.domain.payment import Payment, PaymentStatus, TransactionType


def payment_from_row(row: Any) -> Payment:
    return Payment(
        id=row.id,
        payer_id=row.utilisateur_id,
        kind=TransactionType(row.type_transaction),
        amount=Money(row.montant),
        status=PaymentStatus(row.statut),
        order_id=row.commande_id,
        subscription_id=row.abonnement_id,
        workshop_id=row.atelier_id,
        registration_id=row.inscription_id,
        created_at=row.date,
        updated_at=row.date_mise_a_jour,
        details=row.details,
        method=row.methode_paiement,
        is_active=row.is_active,
    )


# Statements built once, at import (building one costs more than running it).
_BY_ID = sa.select(payments).where(payments.c.id == sa.bindparam("payment_id"))
_BY_ID_LOCKED = Prepared(_BY_ID.with_for_update())
_INSERT = Prepared(sa.insert(payments))
_GET = Prepared(_BY_ID)
_FOR_ORDER = (
    sa.select(payments)
    .where(payments.c.commande_id == sa.bindparam("order_id"))
    .order_by(payments.c.id)
)
_MOVE = Prepared(
    sa.update(payments)
    .where(
        payments.c.id == sa.bindparam("payment_id"), payments.c.statut == sa.bindparam("current")
    )
    .values(statut=sa.bindparam("target"), date_mise_a_jour=sa.bindparam("now"))
)


class SqlPaymentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, payment_id: int, *, for_update: bool = False) -> Payment | None:
        query = _BY_ID_LOCKED if for_update else _GET
        row = query.first(self._conn, {"payment_id": payment_id})
        return None if row is None else payment_from_row(row)

    def add(self, payment: Payment) -> None:
        result = _INSERT.run(
            self._conn,
            {
                "commande_id": payment.order_id,
                "abonnement_id": payment.subscription_id,
                "atelier_id": payment.workshop_id,
                "inscription_id": payment.registration_id,
                "utilisateur_id": payment.payer_id,
                "type_transaction": payment.kind.value,
                "montant": payment.amount.amount,
                "date": payment.created_at,
                "statut": payment.status.value,
                "is_active": payment.is_active,
                "details": payment.details,
                "methode_paiement": payment.method,
                "date_mise_a_jour": payment.updated_at,
            },
        )
        payment.id = result.lastrowid

    def for_order(self, order_id: int) -> list[Payment]:
        rows = self._conn.execute(_FOR_ORDER, {"order_id": order_id})
        return [payment_from_row(row) for row in rows]

    def move(
        self, payment_id: int, current: PaymentStatus, target: PaymentStatus, now: datetime
    ) -> bool:
        result = _MOVE.run(
            self._conn,
            {
                "payment_id": payment_id,
                "current": current.value,
                "target": target.value,
                "now": now,
            },
        )
        return result.rowcount == 1
