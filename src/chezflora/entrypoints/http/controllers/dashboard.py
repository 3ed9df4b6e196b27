"""The staff's dashboard and registration/login statistics (every key the admin pages read)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import Request, get
from litestar.di import NamedDependency

from chezflora.application.dashboard import DailyCount, Dashboard, DashboardQueries
from chezflora.application.identity.authentication import Viewer
from chezflora.application.identity.queries import ParameterQueries
from chezflora.application.ports import Clock
from chezflora.application.workshops import WorkshopsModule
from chezflora.application.workshops.queries import WorkshopFigures
from chezflora.domain.errors import InvalidInput
from chezflora.domain.parameter import LOW_STOCK_THRESHOLD, low_stock_threshold
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected

AnyRequest = Request[Any, Any, Any]


def _days(request: AnyRequest) -> int:
    days = query.integer(request.query_params, "days", minimum=1) or 7
    if days > 366:
        raise InvalidInput.on_field("days", "Au plus 366 jours.")
    return days


@get("/api/utilisateurs/dashboard/", tags=["tableau de bord"])
@blocking
def dashboard(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
    parameter_queries: Injected[ParameterQueries],
    dashboard_queries: Injected[DashboardQueries],
    clock: Injected[Clock],
) -> dict[str, Any]:
    """All six sections of the admin dashboard over the last `days` (default 7)."""
    days = _days(request)
    threshold = low_stock_threshold(parameter_queries.values([LOW_STOCK_THRESHOLD]))
    since = clock.now() - timedelta(days=days)
    figures = dashboard_queries.dashboard(since, threshold)
    return _dashboard_wire(figures, days, workshops.queries.figures())


@get("/api/utilisateurs/stats/", tags=["tableau de bord"])
@blocking
def user_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    dashboard_queries: Injected[DashboardQueries],
    clock: Injected[Clock],
) -> dict[str, Any]:
    """Registrations and last logins per day over the last `days`."""
    since = clock.now() - timedelta(days=_days(request))
    return {
        "registrations_by_day": _daily(dashboard_queries.registrations_by_day(since)),
        "logins_by_day": _daily(dashboard_queries.logins_by_day(since)),
    }


def _daily(counts: list[DailyCount]) -> list[dict[str, Any]]:
    return [{"date": c.day.isoformat(), "count": c.count} for c in counts]


def _dashboard_wire(figures: Dashboard, days: int, workshops: WorkshopFigures) -> dict[str, Any]:
    # The pages read the `_7_days` keys whatever `days` is; the exact key is given too.
    new_users, period_revenue = figures.users.new_in_period, float(figures.orders.revenue_in_period)
    low = [{"id": p.id, "nom": p.nom, "stock": p.stock} for p in figures.products.low_stock]
    return {
        "users": {
            "total": figures.users.total,
            "active": figures.users.active,
            "banned": figures.users.banned,
            "by_role": figures.users.by_role,
            "new_last_7_days": new_users,
            f"new_last_{days}_days": new_users,
        },
        "commands": {
            "total": figures.orders.total,
            "by_status": figures.orders.by_status,
            "total_revenue": float(figures.orders.revenue),
            "revenue_last_7_days": period_revenue,
            f"revenue_last_{days}_days": period_revenue,
        },
        "products": {
            "total": figures.products.total,
            "active": figures.products.active,
            "low_stock": len(low),
            "by_category": figures.products.by_category,
            "low_stock_details": low,
        },
        "ateliers": {
            "total": workshops.total,
            "active": workshops.active,
            "cancelled": workshops.cancelled,
            "total_participants": workshops.total_participants,
        },
        "payments": {
            "total": figures.payments.total,
            "by_type": figures.payments.by_type,
            "total_amount": float(figures.payments.amount_received),
        },
        "subscriptions": {
            "total": figures.subscriptions.total,
            "active": figures.subscriptions.active,
            "total_revenue": float(figures.subscriptions.revenue_per_period),
        },
        "low_stock_details": low,
        # Beyond the original (issue 8): quotes, as the admin pages may show them.
        "devis": {
            "total": figures.quotes.total,
            "by_status": figures.quotes.by_status,
            "en_attente_reponse": figures.quotes.awaiting_answer,
            "total_accepte": float(figures.quotes.accepted_value),
        },
    }


ROUTES = [dashboard, user_stats]
