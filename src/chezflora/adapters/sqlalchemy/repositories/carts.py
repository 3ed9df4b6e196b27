"""Carts in SQL: one row per client, one line per product."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.shopping import cart_items, carts
from chezflora.domain.cart import Cart, CartLine


class SqlCartRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def for_client(self, client_id: int, *, for_update: bool = False) -> Cart | None:
        return self._load(carts.c.client_id == client_id, for_update)

    def get(self, cart_id: int) -> Cart | None:
        return self._load(carts.c.id == cart_id, False)

    def ensure(self, client_id: int, now: datetime) -> Cart:
        existing = self.for_client(client_id)
        if existing is not None:
            return existing
        try:
            # A savepoint keeps the outer transaction usable when a concurrent request won.
            with self._conn.begin_nested():
                values = {"client_id": client_id, "date_creation": now, "date_mise_a_jour": now}
                cart_id = inserted_id(self._conn.execute(sa.insert(carts).values(**values)))
        except IntegrityError:
            found = self.for_client(client_id)
            assert found is not None
            return found
        return Cart(id=cart_id, client_id=client_id)

    def save(self, cart: Cart, now: datetime) -> None:
        stored = {
            row.produit_id: row.quantite
            for row in self._conn.execute(
                sa.select(cart_items.c.produit_id, cart_items.c.quantite).where(
                    cart_items.c.panier_id == cart.id
                )
            )
        }
        wanted = {line.product_id: line for line in cart.lines}
        gone = set(stored) - set(wanted)
        if gone:
            self._conn.execute(
                sa.delete(cart_items).where(
                    cart_items.c.panier_id == cart.id, cart_items.c.produit_id.in_(gone)
                )
            )
        for product_id, line in wanted.items():
            if product_id not in stored:
                self._conn.execute(
                    sa.insert(cart_items).values(
                        panier_id=cart.id,
                        produit_id=product_id,
                        quantite=line.quantity,
                        date_ajout=line.added_at,
                    )
                )
            elif stored[product_id] != line.quantity:
                self._conn.execute(
                    sa.update(cart_items)
                    .where(cart_items.c.panier_id == cart.id, cart_items.c.produit_id == product_id)
                    .values(quantite=line.quantity)
                )
        self._conn.execute(
            sa.update(carts).where(carts.c.id == cart.id).values(date_mise_a_jour=now)
        )

    def _load(self, where: sa.ColumnElement[bool], for_update: bool) -> Cart | None:
        query = sa.select(carts).where(where)
        if for_update:
            query = query.with_for_update()
        row = self._conn.execute(query).first()
        if row is None:
            return None
        lines = self._conn.execute(
            sa.select(cart_items).where(cart_items.c.panier_id == row.id).order_by(cart_items.c.id)
        )
        return Cart.restore(
            row.id,
            row.client_id,
            [CartLine(line.produit_id, line.quantite, line.date_ajout) for line in lines],
        )
