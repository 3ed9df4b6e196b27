"""Orders `/api/commandes/` (scoped), status changes, cancel, revenue, export; order lines."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, Response, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.identity.authentication import Viewer
from chezflora.application.shopping.module import ShoppingModule
from chezflora.application.shopping.orders import ORDER_NOT_FOUND
from chezflora.application.shopping.views import OrderFilters, Scope
from chezflora.domain.errors import NotFound
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.orders import (
    OrderChangeIn,
    OrderLineOut,
    OrderOut,
    order_line_out,
    order_out,
)
from chezflora.entrypoints.http.wire.shopping_reports import (
    ORDER_HEADER,
    csv_response,
    order_rows,
    revenue_out,
)
from chezflora.entrypoints.http.wire.values import NoFields

AnyRequest = Request[Any, Any, Any]
LINE_NOT_FOUND = "Ligne de commande non trouvée"


def _detail(shopping: ShoppingModule, caller: Viewer, order_id: int) -> OrderOut:
    view = shopping.queries.order(Scope.of(caller.user_id, caller.is_admin), order_id)
    if view is None:
        raise NotFound(ORDER_NOT_FOUND)
    return order_out(view)


@get("/api/commandes/", tags=["commandes"])
@blocking
def list_orders(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Own orders, newest first; admins all. Filters statut, client, date_min, date_max."""
    params = request.query_params
    filters = OrderFilters(
        status=query.text(params, "statut"),
        client_id=query.integer(params, "client"),
        placed_from=query.instant(params, "date_min"),
        placed_until=query.instant(params, "date_max", end_of_day=True),
        is_active=query.boolean(params, "is_active"),
    )
    page = shopping.queries.orders(
        Scope.of(caller.user_id, caller.is_admin),
        filters,
        query.list_options(params),
        query.page_request(params),
    )
    return envelope(request, page, order_out, base_url)


@get("/api/commandes/revenue/", tags=["commandes"])
@blocking
def revenue(
    request: AnyRequest, admin: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> dict[str, Any]:
    """Revenue of orders neither cancelled nor refunded; by day over `days` (default 7)."""
    days = query.integer(request.query_params, "days", minimum=1) or 7
    return revenue_out(shopping.reports.revenue(min(days, 366)))


@get("/api/commandes/export/", tags=["commandes"], media_type="text/csv")
@blocking
def export_orders(
    admin: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> Response[str]:
    """Admin: every order as CSV."""
    orders = shopping.queries.export_orders()
    return csv_response("commandes.csv", ORDER_HEADER, order_rows(orders))


@get("/api/commandes/{order_id:int}/", tags=["commandes"])
@blocking
def order_detail(
    order_id: FromPath[int], caller: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> OrderOut:
    """One order: its owner's or, for admins, any (others get 404)."""
    return _detail(shopping, caller, order_id)


@route(
    "/api/commandes/{order_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=["commandes"],
)
@blocking
def update_order(
    order_id: FromPath[int],
    data: JSONBody[OrderChangeIn],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> OrderOut:
    """Admins move `statut` along the workflow (409 otherwise); totals and lines never change."""
    shopping.change_order(caller, order_id, data.statut, data.is_active)
    return _detail(shopping, caller, order_id)


@post("/api/commandes/{order_id:int}/cancel/", status_code=200, tags=["commandes"])
@blocking
def cancel_order(
    order_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[NoFields | None] = None,
) -> dict[str, Any]:
    """Owner or admin while en_attente/en_cours: stock restored, payment settled, e-mail."""
    shopping.cancel_order(caller, order_id)
    return {"status": "Commande annulée", "commande_id": order_id, "statut": "annulee"}


@get("/api/lignes-commande/", tags=["commandes"])
@blocking
def list_lines(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Read-only: lines of the caller's orders; admins all."""
    params = request.query_params
    page = shopping.queries.order_lines(
        Scope.of(caller.user_id, caller.is_admin),
        query.list_options(params),
        query.page_request(params),
    )
    return envelope(request, page, order_line_out, base_url)


@get("/api/lignes-commande/{line_id:int}/", tags=["commandes"])
@blocking
def line_detail(
    line_id: FromPath[int], caller: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> OrderLineOut:
    """One order line of the caller's orders; admins any."""
    view = shopping.queries.order_line(Scope.of(caller.user_id, caller.is_admin), line_id)
    if view is None:
        raise NotFound(LINE_NOT_FOUND)
    return order_line_out(view)


ROUTES = [
    list_orders,
    revenue,
    export_orders,
    order_detail,
    update_order,
    cancel_order,
    list_lines,
    line_detail,
]
