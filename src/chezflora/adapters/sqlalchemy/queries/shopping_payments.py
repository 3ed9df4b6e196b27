"""Payments page by page, and the facts payment statistics are computed from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.shopping_products import client_briefs
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.shopping import payments
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.shopping.stats import PaymentFact
from chezflora.application.shopping.views import PaymentFilters, PaymentView, Scope
from chezflora.domain.money import Money


def payment_views(conn: Connection, rows: Sequence[Any]) -> list[PaymentView]:
    payers = client_briefs(conn, [r.utilisateur_id for r in rows])
    return [
        PaymentView(
            id=r.id,
            payer=payers[r.utilisateur_id],
            kind=r.type_transaction,
            amount=Money(r.montant),
            status=r.statut,
            order_id=r.commande_id,
            subscription_id=r.abonnement_id,
            workshop_id=r.atelier_id,
            created_at=r.date,
            updated_at=r.date_mise_a_jour,
            details=r.details,
            method=r.methode_paiement,
            is_active=r.is_active,
        )
        for r in rows
    ]


def _filtered(query: sa.Select[Any], filters: PaymentFilters) -> sa.Select[Any]:
    if filters.kind is not None:
        query = query.where(payments.c.type_transaction == filters.kind)
    if filters.status is not None:
        query = query.where(payments.c.statut == filters.status)
    if filters.method is not None:
        query = query.where(payments.c.methode_paiement == filters.method)
    if filters.since is not None:
        query = query.where(payments.c.date >= filters.since)
    if filters.is_active is not None:
        query = query.where(payments.c.is_active.is_(filters.is_active))
    return query


def payment_page(
    conn: Connection,
    scope: Scope,
    filters: PaymentFilters,
    options: ListOptions,
    page: PageRequest,
    payment_id: int | None = None,
) -> Page[PaymentView]:
    query = _filtered(sa.select(payments), filters)
    if scope.owner_id is not None:
        query = query.where(payments.c.utilisateur_id == scope.owner_id)
    if payment_id is not None:
        query = query.where(payments.c.id == payment_id)
    columns = [payments.c.type_transaction, payments.c.methode_paiement]
    query = search(query, options.search, columns)
    allowed = {"date": payments.c.date, "montant": payments.c.montant}
    query = order(query, options.ordering, allowed, [payments.c.date.desc()], payments.c.id.desc())
    rows = fetch_page(conn, query, page, lambda row: row)
    return Page(items=payment_views(conn, rows.items), total=rows.total, request=page)


def payment_facts(conn: Connection, filters: PaymentFilters) -> list[PaymentFact]:
    query = _filtered(
        sa.select(payments, users.c.username).join(users, users.c.id == payments.c.utilisateur_id),
        filters,
    )
    return [
        PaymentFact(
            created_at=r.date,
            updated_at=r.date_mise_a_jour,
            amount=Money(r.montant),
            status=r.statut,
            kind=r.type_transaction,
            method=r.methode_paiement,
            payer=r.username,
        )
        for r in conn.execute(query)
    ]
