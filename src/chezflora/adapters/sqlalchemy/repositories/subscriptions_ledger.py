"""What only subscriptions ask in SQL: the delivery address, served dates, their history.

Orders, payments and stock go through shopping's repositories (orders.py, payments.py,
stock.py), so a subscription delivery is written exactly like a checkout order.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.tables.shopping import addresses, orders, payments
from chezflora.domain.payment import PaymentStatus


class SqlSubscriptionLedger:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def delivery_address(self, client_id: int) -> int | None:
        query = (
            sa.select(addresses.c.id)
            .where(addresses.c.client_id == client_id)
            .order_by(addresses.c.is_default.desc(), addresses.c.id.desc())
            .limit(1)
        )
        found = self._conn.execute(query).scalar()
        return None if found is None else int(found)

    def delivery_exists(self, subscription_id: int, delivery_date: date) -> bool:
        query = sa.select(orders.c.id).where(
            orders.c.abonnement_id == subscription_id, orders.c.date_livraison == delivery_date
        )
        return self._conn.execute(query).first() is not None

    def has_history(self, subscription_id: int) -> bool:
        ordered = sa.select(orders.c.id).where(orders.c.abonnement_id == subscription_id)
        settled = sa.select(payments.c.id).where(
            payments.c.abonnement_id == subscription_id,
            payments.c.statut != PaymentStatus.SIMULE.value,
        )
        found = self._conn.execute(sa.select(sa.or_(ordered.exists(), settled.exists())))
        return bool(found.scalar_one())

    def drop_pending_payments(self, subscription_id: int) -> int:
        result = self._conn.execute(
            sa.delete(payments).where(
                payments.c.abonnement_id == subscription_id,
                payments.c.statut == PaymentStatus.SIMULE.value,
            )
        )
        return int(result.rowcount)
