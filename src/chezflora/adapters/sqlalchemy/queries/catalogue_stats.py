"""Low stock and product statistics for the admin pages."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.queries.low_stock import is_low
from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, search
from chezflora.adapters.sqlalchemy.tables.catalogue import categories, products
from chezflora.adapters.sqlalchemy.tables.shopping import order_lines, orders
from chezflora.application.catalogue.views import (
    CategoryStock,
    LowStockItem,
    ProductSales,
    ProductStats,
)
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.money import Money, round_half_up

# Sales count once the goods have left the shop (original-api.md §5.3).
SOLD_STATUSES = ("expediee", "livree")
TOP_SALES = 10
LOW_STOCK_DETAILS = 100


def _low_stock_query(threshold: int) -> sa.Select[Any]:
    return (
        sa.select(products.c.id, products.c.nom, products.c.stock, categories.c.nom.label("cat"))
        .join(categories, categories.c.id == products.c.categorie_id)
        .where(is_low(threshold))
        .order_by(products.c.stock, products.c.id)
    )


def _item(row: Any) -> LowStockItem:
    return LowStockItem(id=row[0], nom=row[1], stock=row[2], categorie_nom=row[3])


def low_stock(
    conn: Connection, threshold: int, options: ListOptions, page: PageRequest
) -> Page[LowStockItem]:
    query = search(_low_stock_query(threshold), options.search, [products.c.nom])
    return fetch_page(conn, query, page, _item)


def _money(value: object) -> Money:
    return Money(round_half_up(Decimal(str(value or 0))))


def product_stats(conn: Connection, since: datetime, threshold: int) -> ProductStats:
    active = products.c.is_active == sa.true()
    counts = conn.execute(
        sa.select(
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.case((active, 1), else_=0)), 0),
            sa.func.coalesce(
                sa.func.sum(sa.case((is_low(threshold), 1), else_=0)),
                0,
            ),
        )
    ).one()
    amount = sa.func.sum(order_lines.c.prix_unitaire * order_lines.c.quantite)
    sold = (
        sa.select(order_lines.c.produit_id, order_lines.c.produit_nom, amount.label("total"))
        .join(orders, orders.c.id == order_lines.c.commande_id)
        .where(orders.c.date >= since, orders.c.statut.in_(SOLD_STATUSES))
        .group_by(order_lines.c.produit_id, order_lines.c.produit_nom)
    )
    sales = conn.execute(sold.order_by(sa.desc("total")).limit(TOP_SALES)).all()
    total = conn.execute(sa.select(sa.func.sum(sold.subquery().c.total))).scalar()
    stock = conn.execute(
        sa.select(categories.c.nom, sa.func.coalesce(sa.func.sum(products.c.stock), 0))
        .join(categories, categories.c.id == products.c.categorie_id)
        .group_by(categories.c.nom)
        .order_by(categories.c.nom)
    ).all()
    details = conn.execute(_low_stock_query(threshold).limit(LOW_STOCK_DETAILS)).all()
    return ProductStats(
        total_products=int(counts[0]),
        active_products=int(counts[1]),
        low_stock_products=int(counts[2]),
        total_sales=_money(total),
        sales_by_product=tuple(ProductSales(r[0], r[1], _money(r[2])) for r in sales),
        stock_by_category=tuple(CategoryStock(r[0], int(r[1])) for r in stock),
        low_stock_details=tuple(_item(r) for r in details),
    )
