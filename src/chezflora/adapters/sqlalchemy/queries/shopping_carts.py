"""Carts and wishlists, read a page at a time with their products batched, unpriced, and the
promotions that may apply to them, on one connection."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.photos import UrlFor
from chezflora.adapters.sqlalchemy.queries.shopping_products import (
    candidate_promotions,
    client_briefs,
    product_cards,
)
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.shopping import (
    cart_items,
    carts,
    wishlist_products,
    wishlists,
)
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest, replace_items
from chezflora.application.shopping.rows import CartItemRow, CartRow, ToPrice, WishlistRow
from chezflora.application.shopping.views import Scope


def _scoped(table: sa.Table, scope: Scope, options: ListOptions) -> sa.Select[Any]:
    query = sa.select(table).join(users, users.c.id == table.c.client_id)
    if scope.owner_id is not None:
        query = query.where(table.c.client_id == scope.owner_id)
    query = search(query, options.search, [users.c.username, users.c.email])
    # The caller's own cart or wishlist comes first: the client reads results[0].
    mine_first = sa.case((table.c.client_id == scope.viewer_id, 0), else_=1)
    allowed = {"client": users.c.username, "date_creation": table.c.date_creation}
    return order(query, options.ordering, allowed, [mine_first], table.c.id)


def _owned_rows(
    conn: Connection,
    table: sa.Table,
    scope: Scope,
    options: ListOptions,
    page: PageRequest,
    row_id: int | None,
) -> Page[Any]:
    """One page of carts or wishlists in the caller's scope, optionally one of them by id."""
    query = _scoped(table, scope, options)
    if row_id is not None:
        query = query.where(table.c.id == row_id)
    return fetch_page(conn, query, page, lambda row: row)


def cart_rows(
    conn: Connection,
    scope: Scope,
    options: ListOptions,
    page: PageRequest,
    now: datetime,
    url_for: UrlFor,
    cart_id: int | None = None,
) -> ToPrice[CartRow]:
    rows = _owned_rows(conn, carts, scope, options, page, cart_id)
    ids = [r.id for r in rows.items]
    lines: dict[int, list[Any]] = defaultdict(list)
    if ids:
        item_rows = conn.execute(
            sa.select(cart_items).where(cart_items.c.panier_id.in_(ids)).order_by(cart_items.c.id)
        )
        for item in item_rows:
            lines[item.panier_id].append(item)
    cards = product_cards(conn, [i.produit_id for group in lines.values() for i in group], url_for)
    promotions = candidate_promotions(conn, cards.values(), now)
    clients = client_briefs(conn, [r.client_id for r in rows.items])
    found = [
        CartRow(
            id=row.id,
            client=clients[row.client_id],
            items=[
                CartItemRow(i.id, cards[i.produit_id], i.quantite, i.date_ajout)
                for i in lines[row.id]
            ],
            created_at=row.date_creation,
            updated_at=row.date_mise_a_jour,
        )
        for row in rows.items
    ]
    return ToPrice(replace_items(rows, found), promotions)


def wishlist_rows(
    conn: Connection,
    scope: Scope,
    options: ListOptions,
    page: PageRequest,
    now: datetime,
    url_for: UrlFor,
    wishlist_id: int | None = None,
) -> ToPrice[WishlistRow]:
    rows = _owned_rows(conn, wishlists, scope, options, page, wishlist_id)
    ids = [r.id for r in rows.items]
    chosen: dict[int, list[int]] = defaultdict(list)
    if ids:
        link_rows = conn.execute(
            sa.select(wishlist_products)
            .where(wishlist_products.c.wishlist_id.in_(ids))
            .order_by(wishlist_products.c.date_ajout, wishlist_products.c.produit_id)
        )
        for link in link_rows:
            chosen[link.wishlist_id].append(link.produit_id)
    cards = product_cards(conn, [p for group in chosen.values() for p in group], url_for)
    promotions = candidate_promotions(conn, cards.values(), now)
    clients = client_briefs(conn, [r.client_id for r in rows.items])
    found = [
        WishlistRow(
            id=row.id,
            client=clients[row.client_id],
            # Non-admins never see inactive products (decisions §3).
            products=[
                cards[p]
                for p in chosen[row.id]
                if p in cards and (cards[p].is_active or scope.owner_id is None)
            ],
            created_at=row.date_creation,
            updated_at=row.date_mise_a_jour,
        )
        for row in rows.items
    ]
    return ToPrice(replace_items(rows, found), promotions)
