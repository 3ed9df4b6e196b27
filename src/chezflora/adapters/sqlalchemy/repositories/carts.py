"""Carts in SQL: one row per client, one line per product.

A cart is read with its lines in one statement; `save` writes only the difference from what
this transaction read (no second read of the lines). Statements are built once, at import.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.change_tracking import note_stale
from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.shopping import cart_items, carts
from chezflora.application.read_cache import cart_namespace
from chezflora.domain.cart import Cart, CartLine

_WITH_LINES = (
    sa.select(
        carts.c.id,
        carts.c.client_id,
        cart_items.c.id.label("line_id"),
        cart_items.c.produit_id,
        cart_items.c.quantite,
        cart_items.c.date_ajout,
    )
    .select_from(carts.outerjoin(cart_items, cart_items.c.panier_id == carts.c.id))
    .order_by(cart_items.c.id)
)
_BY_CLIENT = Prepared(_WITH_LINES.where(carts.c.client_id == sa.bindparam("key")))
_BY_ID = Prepared(_WITH_LINES.where(carts.c.id == sa.bindparam("key")))
# Locking: the cart row only, by marking it changed (the UPDATE takes the row lock, and every
# action that locks a cart changes it), then the cart and its lines are read plainly: every
# writer of a cart's lines holds that lock first. A locking join would also lock the cart_items
# rows it scans, and on a small table MariaDB scans other clients' lines too.
_LOCK_BY_CLIENT = Prepared(
    sa.update(carts)
    .where(carts.c.client_id == sa.bindparam("key"))
    .values(date_mise_a_jour=sa.bindparam("now"))
)
_STORED_LINES = sa.select(cart_items.c.id, cart_items.c.produit_id, cart_items.c.quantite).where(
    cart_items.c.panier_id == sa.bindparam("cart_id")
)
_INSERT_LINE = Prepared(sa.insert(cart_items))
_UPDATE_LINE = Prepared(
    sa.update(cart_items)
    .where(
        cart_items.c.panier_id == sa.bindparam("cart_id"),
        cart_items.c.produit_id == sa.bindparam("product_id"),
    )
    .values(quantite=sa.bindparam("quantity"))
)
_DELETE_LINES = sa.delete(cart_items).where(
    cart_items.c.panier_id == sa.bindparam("cart_id"),
    cart_items.c.produit_id.in_(sa.bindparam("product_ids", expanding=True)),
)
# A cart emptied (every checkout): all its lines, with no expanding IN to render each time.
_DELETE_ALL_LINES = Prepared(
    sa.delete(cart_items).where(cart_items.c.panier_id == sa.bindparam("cart_id"))
)
_TOUCH = Prepared(
    sa.update(carts)
    .where(carts.c.id == sa.bindparam("cart_id"))
    .values(date_mise_a_jour=sa.bindparam("now"))
)


class SqlCartRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        # cart id → {product id: (line id, quantity)} as this transaction last read or wrote it
        self._stored: dict[int, dict[int, tuple[int, int]]] = {}
        # cart id → the time this transaction marked it changed at (when it locked it)
        self._touched: dict[int, datetime] = {}

    def for_client(self, client_id: int) -> Cart | None:
        return self._load(_BY_CLIENT, client_id)

    def lock(self, client_id: int, now: datetime) -> Cart | None:
        if _LOCK_BY_CLIENT.run(self._conn, {"key": client_id, "now": now}).rowcount == 0:
            return None
        cart = self._load(_BY_CLIENT, client_id)
        if cart is not None and cart.id is not None:
            self._touched[cart.id] = now
        return cart

    def get(self, cart_id: int) -> Cart | None:
        return self._load(_BY_ID, cart_id)

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
        self._stored[cart_id] = {}
        note_stale(self._conn, [cart_namespace(client_id)])
        return Cart(id=cart_id, client_id=client_id)

    def line_id(self, cart_id: int, product_id: int) -> int | None:
        """The id of a product's line as this transaction last read or wrote it."""
        line = self._stored.get(cart_id, {}).get(product_id)
        return None if line is None else line[0]

    def save(self, cart: Cart, now: datetime) -> None:
        assert cart.id is not None
        stored = self._stored.get(cart.id)
        if stored is None:
            rows = self._conn.execute(_STORED_LINES, {"cart_id": cart.id})
            stored = {row.produit_id: (row.id, row.quantite) for row in rows}
        wanted = {line.product_id: line for line in cart.lines}
        gone = sorted(set(stored) - set(wanted))
        if gone and not wanted:
            # Equal to deleting `gone`: every writer of the lines holds the cart's lock first.
            _DELETE_ALL_LINES.run(self._conn, {"cart_id": cart.id})
        elif gone:
            self._conn.execute(_DELETE_LINES, {"cart_id": cart.id, "product_ids": gone})
        written = {p: stored[p] for p in wanted if p in stored}
        for product_id, line in wanted.items():
            if product_id not in stored:
                inserted = _INSERT_LINE.run(
                    self._conn,
                    {
                        "panier_id": cart.id,
                        "produit_id": product_id,
                        "quantite": line.quantity,
                        "date_ajout": line.added_at,
                    },
                )
                written[product_id] = (inserted.lastrowid, line.quantity)
            elif stored[product_id][1] != line.quantity:
                _UPDATE_LINE.run(
                    self._conn,
                    {"cart_id": cart.id, "product_id": product_id, "quantity": line.quantity},
                )
                written[product_id] = (stored[product_id][0], line.quantity)
        self._stored[cart.id] = written
        if self._touched.get(cart.id) != now:
            _TOUCH.run(self._conn, {"cart_id": cart.id, "now": now})
        # The cached `mon_panier` of this client (and of the clients sharing its group).
        note_stale(self._conn, [cart_namespace(cart.client_id)])

    def _load(self, query: Prepared, key: int) -> Cart | None:
        rows = query.all(self._conn, {"key": key})
        if not rows:
            return None
        first = rows[0]
        lines = [r for r in rows if r.line_id is not None]
        self._stored[first.id] = {r.produit_id: (r.line_id, r.quantite) for r in lines}
        return Cart.restore(
            first.id,
            first.client_id,
            [CartLine(r.produit_id, r.quantite, r.date_ajout) for r in lines],
        )
