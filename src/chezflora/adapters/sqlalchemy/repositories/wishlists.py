"""Wishlists in SQL: one per client, a set of products."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.shopping import wishlist_products, wishlists


class SqlWishlistRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def _for_client(self, client_id: int) -> int | None:
        found = self._conn.execute(
            sa.select(wishlists.c.id).where(wishlists.c.client_id == client_id)
        ).scalar()
        return None if found is None else int(found)

    def ensure(self, client_id: int, now: datetime) -> int:
        existing = self._for_client(client_id)
        if existing is not None:
            return existing
        try:
            with self._conn.begin_nested():
                values = {"client_id": client_id, "date_creation": now, "date_mise_a_jour": now}
                return inserted_id(self._conn.execute(sa.insert(wishlists).values(**values)))
        except IntegrityError:
            found = self._for_client(client_id)
            assert found is not None
            return found

    def delete_for_client(self, client_id: int) -> None:
        self._conn.execute(sa.delete(wishlists).where(wishlists.c.client_id == client_id))

    def owner(self, wishlist_id: int) -> int | None:
        found = self._conn.execute(
            sa.select(wishlists.c.client_id).where(wishlists.c.id == wishlist_id)
        ).scalar()
        return None if found is None else int(found)

    def add_product(self, wishlist_id: int, product_id: int, now: datetime) -> bool:
        try:
            with self._conn.begin_nested():
                self._conn.execute(
                    sa.insert(wishlist_products).values(
                        wishlist_id=wishlist_id, produit_id=product_id, date_ajout=now
                    )
                )
        except IntegrityError:
            return False
        self._touch(wishlist_id, now)
        return True

    def remove_product(self, wishlist_id: int, product_id: int, now: datetime) -> bool:
        result = self._conn.execute(
            sa.delete(wishlist_products).where(
                wishlist_products.c.wishlist_id == wishlist_id,
                wishlist_products.c.produit_id == product_id,
            )
        )
        if result.rowcount:
            self._touch(wishlist_id, now)
        return bool(result.rowcount)

    def delete(self, wishlist_id: int) -> None:
        self._conn.execute(sa.delete(wishlists).where(wishlists.c.id == wishlist_id))

    def _touch(self, wishlist_id: int, now: datetime) -> None:
        self._conn.execute(
            sa.update(wishlists).where(wishlists.c.id == wishlist_id).values(date_mise_a_jour=now)
        )
