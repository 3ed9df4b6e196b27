"""Figures for the staff's dashboard and the registration/login statistics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol


@dataclass(frozen=True, slots=True)
class DailyCount:
    day: date
    count: int


@dataclass(frozen=True, slots=True)
class UserFigures:
    total: int
    active: int
    banned: int
    by_role: dict[str, int]
    new_in_period: int


@dataclass(frozen=True, slots=True)
class OrderFigures:
    total: int
    by_status: dict[str, int]
    revenue: Decimal
    revenue_in_period: Decimal


@dataclass(frozen=True, slots=True)
class LowStockProduct:
    id: int
    nom: str
    stock: int


@dataclass(frozen=True, slots=True)
class ProductFigures:
    total: int
    active: int
    low_stock: list[LowStockProduct]
    by_category: dict[str, int]


@dataclass(frozen=True, slots=True)
class PaymentFigures:
    total: int
    by_type: dict[str, int]
    amount_received: Decimal


@dataclass(frozen=True, slots=True)
class SubscriptionFigures:
    total: int
    active: int
    revenue_per_period: Decimal


@dataclass(frozen=True, slots=True)
class QuoteFigures:
    """Quotes: per status (every status present), waiting for the shop's answer (soumis), and
    the value of accepted proposals."""

    total: int
    by_status: dict[str, int]
    awaiting_answer: int
    accepted_value: Decimal


@dataclass(frozen=True, slots=True)
class Dashboard:
    users: UserFigures
    orders: OrderFigures
    products: ProductFigures
    payments: PaymentFigures
    subscriptions: SubscriptionFigures
    quotes: QuoteFigures


class DashboardQueries(Protocol):
    def dashboard(self, since: datetime, low_stock_threshold: int) -> Dashboard:
        """Revenue counts neither cancelled orders nor orders whose payment was refunded."""
        ...

    def registrations_by_day(self, since: datetime) -> list[DailyCount]: ...
    def logins_by_day(self, since: datetime) -> list[DailyCount]: ...
