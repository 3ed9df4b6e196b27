"""Dashboard aggregates: a fixed number of GROUP BY / SUM statements, whatever the data size."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.low_stock import is_low
from chezflora.adapters.sqlalchemy.tables.catalogue import categories, products
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.services import quotes
from chezflora.adapters.sqlalchemy.tables.shopping import orders, payments
from chezflora.adapters.sqlalchemy.tables.subscriptions import subscriptions
from chezflora.application.dashboard import (
    DailyCount,
    Dashboard,
    LowStockProduct,
    OrderFigures,
    PaymentFigures,
    ProductFigures,
    QuoteFigures,
    SubscriptionFigures,
    UserFigures,
)
from chezflora.domain.money import round_half_up
from chezflora.domain.quote import QuoteStatus

LIVE_USERS = users.c.deleted_at.is_(None)


class SqlDashboardQueries:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def dashboard(self, since: datetime, low_stock_threshold: int) -> Dashboard:
        with self._engine.connect() as conn:
            return Dashboard(
                users=_users(conn, since),
                orders=_orders(conn, since),
                products=_products(conn, low_stock_threshold),
                payments=_payments(conn),
                subscriptions=_subscriptions(conn),
                quotes=_quotes(conn),
            )

    def registrations_by_day(self, since: datetime) -> list[DailyCount]:
        return self._by_day(users.c.date_creation, since)

    def logins_by_day(self, since: datetime) -> list[DailyCount]:
        return self._by_day(users.c.last_login, since)

    def _by_day(self, column: sa.Column[Any], since: datetime) -> list[DailyCount]:
        day = sa.func.date(column).label("day")
        query = (
            sa.select(day, sa.func.count().label("n"))
            .where(column >= since, LIVE_USERS)
            .group_by(day)
            .order_by(day)
        )
        with self._engine.connect() as conn:
            return [DailyCount(_as_date(r.day), int(r.n)) for r in conn.execute(query)]


def _users(conn: Connection, since: datetime) -> UserFigures:
    row = conn.execute(
        sa.select(
            sa.func.count(),
            _count_if(users.c.is_active.is_(True)),
            _count_if(users.c.is_banned.is_(True)),
            _count_if(users.c.date_creation >= since),
        ).where(LIVE_USERS)
    ).one()
    roles = conn.execute(
        sa.select(users.c.role, sa.func.count()).where(LIVE_USERS).group_by(users.c.role)
    ).all()
    by_role = {"admin": 0, "client": 0} | {role: int(n) for role, n in roles}
    return UserFigures(int(row[0]), int(row[1]), int(row[2]), by_role, int(row[3]))


def _orders(conn: Connection, since: datetime) -> OrderFigures:
    statuses = conn.execute(
        sa.select(orders.c.statut, sa.func.count()).group_by(orders.c.statut)
    ).all()
    refunded = sa.select(payments.c.commande_id).where(
        payments.c.statut == "rembourse", payments.c.commande_id.is_not(None)
    )
    earning = sa.and_(orders.c.statut != "annulee", orders.c.id.not_in(refunded))
    total = sa.func.coalesce(sa.func.sum(orders.c.total), 0)
    revenue = conn.execute(sa.select(total).where(earning)).scalar_one()
    recent = conn.execute(sa.select(total).where(earning, orders.c.date >= since)).scalar_one()
    by_status = {status: int(n) for status, n in statuses}
    return OrderFigures(sum(by_status.values()), by_status, _money(revenue), _money(recent))


def _products(conn: Connection, threshold: int) -> ProductFigures:
    row = conn.execute(sa.select(sa.func.count(), _count_if(products.c.is_active.is_(True)))).one()
    low = conn.execute(
        sa.select(products.c.id, products.c.nom, products.c.stock)
        .where(is_low(threshold))
        .order_by(products.c.stock, products.c.id)
    ).all()
    per_category = conn.execute(
        sa.select(categories.c.nom, sa.func.count(products.c.id))
        .select_from(categories.join(products, products.c.categorie_id == categories.c.id))
        .where(products.c.is_active.is_(True))
        .group_by(categories.c.nom)
    ).all()
    return ProductFigures(
        total=int(row[0]),
        active=int(row[1]),
        low_stock=[LowStockProduct(r.id, r.nom, int(r.stock)) for r in low],
        by_category={name: int(n) for name, n in per_category},
    )


def _payments(conn: Connection) -> PaymentFigures:
    types = conn.execute(
        sa.select(payments.c.type_transaction, sa.func.count()).group_by(
            payments.c.type_transaction
        )
    ).all()
    received = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(payments.c.montant), 0)).where(
            payments.c.statut == "effectue"
        )
    ).scalar_one()
    by_type = {kind: int(n) for kind, n in types}
    return PaymentFigures(sum(by_type.values()), by_type, _money(received))


def _subscriptions(conn: Connection) -> SubscriptionFigures:
    active = subscriptions.c.is_active.is_(True)
    row = conn.execute(
        sa.select(
            sa.func.count(),
            _count_if(active),
            sa.func.coalesce(sa.func.sum(sa.case((active, subscriptions.c.prix), else_=0)), 0),
        )
    ).one()
    return SubscriptionFigures(int(row[0]), int(row[1]), _money(row[2]))


def _quotes(conn: Connection) -> QuoteFigures:
    statuses = conn.execute(
        sa.select(quotes.c.statut, sa.func.count()).group_by(quotes.c.statut)
    ).all()
    accepted = conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(quotes.c.prix_propose), 0)).where(
            quotes.c.statut == QuoteStatus.ACCEPTE.value
        )
    ).scalar_one()
    by_status = {s.value: 0 for s in QuoteStatus} | {str(s): int(n) for s, n in statuses}
    return QuoteFigures(
        total=sum(by_status.values()),
        by_status=by_status,
        awaiting_answer=by_status[QuoteStatus.SOUMIS.value],
        accepted_value=_money(accepted),
    )


def _count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[Any]:
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)


def _money(value: Any) -> Decimal:
    """SQLite sums DECIMAL columns as floats: back to exact cents through their shortest repr."""
    return round_half_up(Decimal(str(value)))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
