"""Orders (with lines, client, address, payment), order lines and addresses, page by page."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.shopping_payments import payment_views
from chezflora.adapters.sqlalchemy.queries.shopping_products import client_briefs
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.shopping import addresses, order_lines, orders, payments
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.shopping.views import (
    AddressView,
    OrderFilters,
    OrderLineView,
    OrderView,
    PaymentView,
    Scope,
)
from chezflora.domain.money import Money


def line_view(row: Any) -> OrderLineView:
    return OrderLineView(
        id=row.id,
        order_id=row.commande_id,
        product_id=row.produit_id,
        product_name=row.produit_nom,
        quantity=row.quantite,
        unit_price=Money(row.prix_unitaire),
        created_at=row.date_creation,
    )


def order_query(scope: Scope, filters: OrderFilters, options: ListOptions) -> sa.Select[Any]:
    query = sa.select(orders).join(users, users.c.id == orders.c.client_id)
    if scope.owner_id is not None:
        query = query.where(orders.c.client_id == scope.owner_id)
    if filters.status is not None:
        query = query.where(orders.c.statut == filters.status)
    if filters.client_id is not None:
        query = query.where(orders.c.client_id == filters.client_id)
    if filters.placed_from is not None:
        query = query.where(orders.c.date >= filters.placed_from)
    if filters.placed_until is not None:
        query = query.where(orders.c.date <= filters.placed_until)
    if filters.is_active is not None:
        query = query.where(orders.c.is_active.is_(filters.is_active))
    query = search(query, options.search, [users.c.username])
    allowed = {"date": orders.c.date, "total": orders.c.total, "statut": orders.c.statut}
    return order(query, options.ordering, allowed, [orders.c.date.desc()], orders.c.id.desc())


def order_views(conn: Connection, rows: list[Any]) -> list[OrderView]:
    """Hydrate order rows with batched statements (lines, addresses, payments, clients)."""
    ids = [r.id for r in rows]
    lines: dict[int, list[OrderLineView]] = defaultdict(list)
    if ids:
        line_rows = conn.execute(
            sa.select(order_lines)
            .where(order_lines.c.commande_id.in_(ids))
            .order_by(order_lines.c.id)
        )
        for line in line_rows:
            lines[line.commande_id].append(line_view(line))
    address_ids = {r.adresse_id for r in rows if r.adresse_id is not None}
    address_rows = (
        conn.execute(sa.select(addresses).where(addresses.c.id.in_(address_ids))).all()
        if address_ids
        else []
    )
    latest = _payments_of(conn, rows)
    clients = client_briefs(conn, [r.client_id for r in rows] + [a.client_id for a in address_rows])
    found = {a.id: address_view(a, clients) for a in address_rows}
    return [
        OrderView(
            id=r.id,
            client=clients[r.client_id],
            placed_at=r.date,
            status=r.statut,
            total=Money(r.total),
            lines=lines[r.id],
            is_active=r.is_active,
            updated_at=r.date_mise_a_jour,
            address=found.get(r.adresse_id),
            payment=latest.get(r.id),
        )
        for r in rows
    ]


def _payments_of(conn: Connection, rows: list[Any]) -> dict[int, PaymentView]:
    """Each order's latest payment; a subscription delivery shows the subscription's latest
    payment made by the time it was generated (it paid for that delivery's period)."""
    ids = [r.id for r in rows]
    subscription_ids = {r.abonnement_id for r in rows if r.abonnement_id is not None}
    if not ids:
        return {}
    paid_for: sa.ColumnElement[bool] = payments.c.commande_id.in_(ids)
    if subscription_ids:
        paid_for = sa.or_(paid_for, payments.c.abonnement_id.in_(subscription_ids))
    found = payment_views(
        conn, conn.execute(sa.select(payments).where(paid_for).order_by(payments.c.id)).all()
    )
    latest: dict[int, PaymentView] = {}
    for view in found:
        if view.order_id is not None:
            latest[view.order_id] = view
    for row in rows:
        if row.abonnement_id is None or row.id in latest:
            continue
        period = [
            v for v in found if v.subscription_id == row.abonnement_id and v.created_at <= row.date
        ]
        if period:
            latest[row.id] = period[-1]
    return latest


def order_page(
    conn: Connection,
    scope: Scope,
    filters: OrderFilters,
    options: ListOptions,
    page: PageRequest,
    order_id: int | None = None,
) -> Page[OrderView]:
    query = order_query(scope, filters, options)
    if order_id is not None:
        query = query.where(orders.c.id == order_id)
    rows = fetch_page(conn, query, page, lambda row: row)
    return Page(items=order_views(conn, list(rows.items)), total=rows.total, request=page)


def line_page(
    conn: Connection,
    scope: Scope,
    options: ListOptions,
    page: PageRequest,
    line_id: int | None = None,
) -> Page[OrderLineView]:
    query = sa.select(order_lines).join(orders, orders.c.id == order_lines.c.commande_id)
    if scope.owner_id is not None:
        query = query.where(orders.c.client_id == scope.owner_id)
    if line_id is not None:
        query = query.where(order_lines.c.id == line_id)
    query = search(query, options.search, [order_lines.c.produit_nom])
    allowed = {
        "quantite": order_lines.c.quantite,
        "prix_unitaire": order_lines.c.prix_unitaire,
        "commande": order_lines.c.commande_id,
        "date_creation": order_lines.c.date_creation,
    }
    query = order(query, options.ordering, allowed, [order_lines.c.id.asc()], order_lines.c.id)
    return fetch_page(conn, query, page, line_view)


def address_view(row: Any, clients: dict[int, Any]) -> AddressView:
    return AddressView(
        id=row.id,
        client=clients[row.client_id],
        nom=row.nom,
        rue=row.rue,
        ville=row.ville,
        code_postal=row.code_postal,
        pays=row.pays,
        is_default=row.is_default,
    )


def address_page(
    conn: Connection,
    scope: Scope,
    options: ListOptions,
    page: PageRequest,
    address_id: int | None = None,
) -> Page[AddressView]:
    query = sa.select(addresses).join(users, users.c.id == addresses.c.client_id)
    if scope.owner_id is not None:
        query = query.where(addresses.c.client_id == scope.owner_id)
    if address_id is not None:
        query = query.where(addresses.c.id == address_id)
    columns = [users.c.username, users.c.email, addresses.c.nom, addresses.c.ville]
    query = search(query, options.search, columns)
    allowed = {"client": users.c.username, "nom": addresses.c.nom}
    # The default address first: checkout preselects results[0].
    default = [addresses.c.is_default.desc(), addresses.c.id.asc()]
    query = order(query, options.ordering, allowed, default, addresses.c.id)
    rows = fetch_page(conn, query, page, lambda row: row)
    clients = client_briefs(conn, [r.client_id for r in rows.items])
    views = [address_view(r, clients) for r in rows.items]
    return Page(items=views, total=rows.total, request=page)


def revenue_facts(conn: Connection, since: Any) -> tuple[dict[str, Money], list[tuple[Any, Money]]]:
    refunded = sa.select(payments.c.commande_id).where(
        payments.c.statut == "rembourse", payments.c.commande_id.is_not(None)
    )
    counted = sa.and_(orders.c.statut != "annulee", orders.c.id.not_in(refunded))
    by_status = {
        r.statut: Money(r.total)
        for r in conn.execute(
            sa.select(orders.c.statut, sa.func.sum(orders.c.total).label("total"))
            .where(counted)
            .group_by(orders.c.statut)
        )
    }
    recent = [
        (r.date, Money(r.total))
        for r in conn.execute(
            sa.select(orders.c.date, orders.c.total).where(counted, orders.c.date >= since)
        )
    ]
    return by_status, recent
