"""What a subscription moves in SQL: product facts, stock, addresses, orders, payments."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.adapters.sqlalchemy.tables.shopping import addresses, order_lines, orders, payments
from chezflora.application.subscriptions.ports import (
    DeliveryAlreadyGenerated,
    DeliveryOrder,
    PeriodPayment,
    ProductFacts,
)
from chezflora.domain.money import Money
from chezflora.domain.order import OrderStatus
from chezflora.domain.payment import PaymentStatus, TransactionType


class SqlSubscriptionLedger:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def products(self, product_ids: Iterable[int]) -> dict[int, ProductFacts]:
        ids = sorted(set(product_ids))
        if not ids:
            return {}
        rows = self._conn.execute(
            sa.select(products.c.id, products.c.nom, products.c.prix, products.c.is_active).where(
                products.c.id.in_(ids)
            )
        )
        return {r.id: ProductFacts(r.id, r.nom, Money(r.prix), r.is_active) for r in rows}

    def take_stock(self, quantities: Mapping[int, int]) -> list[int]:
        # Conditional decrements in id order (no deadlock between two takers); a miss puts
        # back what this call took, so the caller sees all lines taken or none.
        taken: list[tuple[int, int]] = []
        short: list[int] = []
        for product_id, quantity in sorted(quantities.items()):
            result = self._conn.execute(
                sa.update(products)
                .where(
                    products.c.id == product_id,
                    products.c.stock >= quantity,
                    products.c.is_active.is_(True),
                )
                .values(stock=products.c.stock - quantity)
            )
            if result.rowcount == 1:
                taken.append((product_id, quantity))
            else:
                short.append(product_id)
        if short:
            for product_id, quantity in taken:
                self._conn.execute(
                    sa.update(products)
                    .where(products.c.id == product_id)
                    .values(stock=products.c.stock + quantity)
                )
        return short

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

    def place_order(self, order: DeliveryOrder) -> int:
        try:
            # A savepoint: the refused insert leaves the transaction usable on both databases.
            with self._conn.begin_nested():
                order_id = inserted_id(
                    self._conn.execute(
                        sa.insert(orders).values(
                            client_id=order.client_id,
                            date=order.placed_at,
                            statut=OrderStatus.EN_ATTENTE.value,
                            total=order.total.amount,
                            date_mise_a_jour=order.placed_at,
                            is_active=True,
                            adresse_id=order.address_id,
                            abonnement_id=order.subscription_id,
                            date_livraison=order.delivery_date,
                            stock_restored=False,
                            version=1,
                        )
                    )
                )
        except IntegrityError as exc:
            raise DeliveryAlreadyGenerated(order.subscription_id, order.delivery_date) from exc
        self._conn.execute(
            sa.insert(order_lines),
            [
                {
                    "commande_id": order_id,
                    "produit_id": line.product_id,
                    "produit_nom": line.product_name,
                    "quantite": line.quantity,
                    "prix_unitaire": line.unit_price.amount,
                    "date_creation": order.placed_at,
                }
                for line in order.lines
            ],
        )
        return order_id

    def record_payment(self, payment: PeriodPayment) -> int:
        result = self._conn.execute(
            sa.insert(payments).values(
                abonnement_id=payment.subscription_id,
                utilisateur_id=payment.payer_id,
                type_transaction=TransactionType.ABONNEMENT.value,
                montant=payment.amount.amount,
                date=payment.recorded_at,
                statut=PaymentStatus.SIMULE.value,
                is_active=True,
                details=payment.details,
                date_mise_a_jour=payment.recorded_at,
            )
        )
        return inserted_id(result)

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
