"""Orders and their frozen lines in SQL; status moves are conditional updates."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.shopping import order_lines, orders
from chezflora.application.shopping.repositories import DeliveryAlreadyGenerated
from chezflora.domain.money import Money
from chezflora.domain.order import Order, OrderLine, OrderStatus


def order_from_row(row: Any, lines: list[OrderLine]) -> Order:
    return Order(
        id=row.id,
        client_id=row.client_id,
        status=OrderStatus(row.statut),
        total=Money(row.total),
        lines=lines,
        address_id=row.adresse_id,
        placed_at=row.date,
        updated_at=row.date_mise_a_jour,
        is_active=row.is_active,
        stock_restored=row.stock_restored,
        subscription_id=row.abonnement_id,
        delivery_date=row.date_livraison,
    )


# The order and its lines in one statement (one row per line, or one row without lines).
_WITH_LINES_QUERY = (
    sa.select(
        orders,
        order_lines.c.id.label("line_id"),
        order_lines.c.produit_id,
        order_lines.c.produit_nom,
        order_lines.c.quantite,
        order_lines.c.prix_unitaire,
    )
    .select_from(orders.outerjoin(order_lines, order_lines.c.commande_id == orders.c.id))
    .where(orders.c.id == sa.bindparam("order_id"))
    .order_by(order_lines.c.id)
)
_WITH_LINES = Prepared(_WITH_LINES_QUERY)
# Locked, it locks the order row and its own lines (found through the commande_id index; under
# READ COMMITTED no gap is locked): lines never change, so nobody waits on them.
_WITH_LINES_LOCKED = Prepared(_WITH_LINES_QUERY.with_for_update())
_MOVE = Prepared(
    sa.update(orders)
    .where(orders.c.id == sa.bindparam("order_id"), orders.c.statut == sa.bindparam("current"))
    .values(
        statut=sa.bindparam("target"),
        date_mise_a_jour=sa.bindparam("now"),
        version=orders.c.version + 1,
    )
)

_INSERT_ORDER = Prepared(sa.insert(orders))
_INSERT_LINES = Prepared(sa.insert(order_lines))
_CLAIM_RESTORATION = (
    sa.update(orders)
    .where(orders.c.id == sa.bindparam("order_id"), orders.c.stock_restored.is_(False))
    .values(stock_restored=True)
)
_SET_ACTIVE = (
    sa.update(orders)
    .where(orders.c.id == sa.bindparam("order_id"))
    .values(
        is_active=sa.bindparam("is_active"),
        date_mise_a_jour=sa.bindparam("now"),
        version=orders.c.version + 1,
    )
)


class SqlOrderRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        # Orders this transaction locked: nobody else can change them until it ends, so a
        # second `get` answers from here (kept in step by this repository's own writes).
        self._locked: dict[int, Order] = {}

    def get(self, order_id: int, *, for_update: bool = False) -> Order | None:
        if order_id in self._locked:
            return self._locked[order_id]
        found = _WITH_LINES_LOCKED if for_update else _WITH_LINES
        line_rows = found.all(self._conn, {"order_id": order_id})
        if not line_rows:
            return None
        row = line_rows[0]
        lines = [
            OrderLine(line.produit_id, line.produit_nom, line.quantite, Money(line.prix_unitaire))
            for line in line_rows
            # A deleted product leaves a line without product: nothing to restore for it.
            if line.line_id is not None and line.produit_id is not None
        ]
        order = order_from_row(row, lines)
        if for_update:
            self._locked[order_id] = order
        return order

    def add(self, order: Order) -> None:
        row = {
            "client_id": order.client_id,
            "date": order.placed_at,
            "statut": order.status.value,
            "total": order.total.amount,
            "date_mise_a_jour": order.updated_at,
            "is_active": order.is_active,
            "adresse_id": order.address_id,
            "abonnement_id": order.subscription_id,
            "date_livraison": order.delivery_date,
            "stock_restored": order.stock_restored,
            "version": 1,
        }
        if order.subscription_id is None:
            order.id = _INSERT_ORDER.run(self._conn, row).lastrowid
        else:
            order.id = self._insert_delivery(row, order)
        _INSERT_LINES.run_many(
            self._conn,
            [
                {
                    "commande_id": order.id,
                    "produit_id": line.product_id,
                    "produit_nom": line.product_name,
                    "quantite": line.quantity,
                    "prix_unitaire": line.unit_price.amount,
                    "date_creation": order.placed_at,
                }
                for line in order.lines
            ],
        )

    def _insert_delivery(self, row: dict[str, Any], order: Order) -> int:
        try:
            # A savepoint: the refused insert leaves the transaction usable on both databases.
            with self._conn.begin_nested():
                return _INSERT_ORDER.run(self._conn, row).lastrowid
        except IntegrityError as exc:
            # UNIQUE (abonnement_id, date_livraison): that delivery was generated already.
            raise DeliveryAlreadyGenerated(order.subscription_id, order.delivery_date) from exc

    def move(self, order_id: int, current: OrderStatus, target: OrderStatus, now: datetime) -> bool:
        result = _MOVE.run(
            self._conn,
            {"order_id": order_id, "current": current.value, "target": target.value, "now": now},
        )
        locked = self._locked.get(order_id)
        if result.rowcount == 1 and locked is not None:
            locked.status, locked.updated_at = target, now
        return result.rowcount == 1

    def claim_stock_restoration(self, order_id: int) -> bool:
        self._locked.pop(order_id, None)
        result = self._conn.execute(_CLAIM_RESTORATION, {"order_id": order_id})
        return result.rowcount == 1

    def set_active(self, order_id: int, is_active: bool, now: datetime) -> None:
        self._locked.pop(order_id, None)
        self._conn.execute(_SET_ACTIVE, {"order_id": order_id, "is_active": is_active, "now": now})
