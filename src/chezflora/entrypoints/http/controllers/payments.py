"""Payments `/api/paiements/`: scoped by paying user; simulate, refund, stats, export."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.idempotency import IdempotencyGuard
from chezflora.application.identity.authentication import Viewer
from chezflora.application.shopping.module import ShoppingModule
from chezflora.application.shopping.payments import PAYMENT_NOT_FOUND
from chezflora.application.shopping.views import PaymentFilters, Scope
from chezflora.domain.errors import NotFound
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.idempotency import idempotent
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.orders import PaymentOut, payment_out
from chezflora.entrypoints.http.wire.shopping_reports import (
    PAYMENT_HEADER,
    csv_response,
    payment_rows,
    payment_stats_out,
)
from chezflora.entrypoints.http.wire.values import NoFields

AnyRequest = Request[Any, Any, Any]
Params = Any


def _filters(params: Params) -> PaymentFilters:
    return PaymentFilters(
        kind=query.text(params, "type_transaction"),
        status=query.text(params, "statut"),
        method=query.text(params, "methode_paiement"),
        since=query.instant(params, "date_min"),
        is_active=query.boolean(params, "is_active"),
    )


def _detail(shopping: ShoppingModule, caller: Viewer, payment_id: int) -> PaymentOut:
    view = shopping.queries.payment(Scope.of(caller.user_id, caller.is_admin), payment_id)
    if view is None:
        raise NotFound(PAYMENT_NOT_FOUND)
    return payment_out(view)


def _with_status(status: str, payment: PaymentOut) -> dict[str, Any]:
    return {"status": status, **msgspec.structs.asdict(payment)}


@get("/api/paiements/", tags=["paiements"])
@blocking
def list_payments(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Payments the caller made, newest first; admins all."""
    params = request.query_params
    page = shopping.queries.payments(
        Scope.of(caller.user_id, caller.is_admin),
        _filters(params),
        query.list_options(params),
        query.page_request(params),
    )
    return envelope(request, page, payment_out, base_url)


@get("/api/paiements/stats/", tags=["paiements"])
@blocking
def payment_stats(
    request: AnyRequest, admin: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> dict[str, Any]:
    """Every key of frontend-contract §3.16; `days` (default 30) and the list filters apply."""
    params = request.query_params
    days = min(query.integer(params, "days", minimum=1) or 30, 366)
    filters = _filters(params)
    return payment_stats_out(shopping.reports.payments(days, filters))


@get("/api/paiements/export/", tags=["paiements"], media_type="text/csv")
@blocking
def export_payments(
    admin: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> Response[str]:
    """Admin: every payment as CSV."""
    payments = shopping.queries.export_payments()
    return csv_response("paiements.csv", PAYMENT_HEADER, payment_rows(payments))


@get("/api/paiements/{payment_id:int}/", tags=["paiements"])
@blocking
def payment_detail(
    payment_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> PaymentOut:
    """One payment: the payer's or, for admins, any (others get 404)."""
    return _detail(shopping, caller, payment_id)


@post("/api/paiements/{payment_id:int}/simuler/", status_code=200, tags=["paiements"])
@blocking
def simulate(
    request: AnyRequest,
    payment_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    idempotency: Injected[IdempotencyGuard],
    data: JSONBody[NoFields | None] = None,
) -> Response[bytes]:
    """Paying user or admin (honours `Idempotency-Key`): simule → effectue, order en_cours."""

    def work() -> tuple[int, object]:
        payment = payment_out(shopping.simulate_payment(caller, payment_id))
        return 200, _with_status("Paiement simulé avec succès", payment)

    return idempotent(request, caller, idempotency, None, work, atomic=True)


@post("/api/paiements/{payment_id:int}/rembourser/", status_code=200, tags=["paiements"])
@blocking
def refund(
    payment_id: FromPath[int],
    admin: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[NoFields | None] = None,
) -> dict[str, Any]:
    """Admin: simule|effectue → rembourse; the order is cancelled (stock back) if not shipped."""
    shopping.refund_payment(payment_id)
    return _with_status("Paiement remboursé", _detail(shopping, admin, payment_id))


ROUTES = [list_payments, payment_stats, export_payments, payment_detail, simulate, refund]
