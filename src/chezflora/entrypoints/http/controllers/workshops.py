"""Workshops `/api/ateliers/`: public list/detail, admin CRUD and cancel, registration with a
waiting list, participants (admin), stats (admin), CSV exports (admin)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import HttpMethod, Request, Response, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.exports import CsvExports
from chezflora.application.idempotency import IdempotencyGuard
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.workshops import WorkshopsModule
from chezflora.application.workshops.queries import WorkshopScope
from chezflora.application.workshops.registration import NOT_FOUND
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.workshop import REASON_REQUIRED
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.idempotency import idempotent
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire import workshops as wire
from chezflora.entrypoints.http.wire.shopping_reports import csv_response
from chezflora.entrypoints.http.wire.workshops import (
    CancelIn,
    RegisterIn,
    StatsOut,
    StatusOut,
    WorkshopIn,
    WorkshopOut,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["ateliers"]


def _scope(viewer: Viewer | None) -> WorkshopScope:
    if viewer is None:
        return WorkshopScope()
    return WorkshopScope(viewer_id=viewer.user_id, is_admin=viewer.is_admin)


def _detail(workshops: WorkshopsModule, workshop_id: int, viewer: Viewer | None) -> WorkshopOut:
    view = workshops.queries.get(workshop_id, _scope(viewer))
    if view is None:
        raise NotFound(NOT_FOUND)
    return wire.workshop_out(view)


@get("/api/ateliers/", tags=TAGS)
@blocking
def list_workshops(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    workshops: Injected[WorkshopsModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Anyone: active workshops (admins: all), `search`, `ordering`. `participants` holds the
    caller's own seat only (admins: every seat holder); `position_liste_attente` is the
    caller's rank on the waiting list, `liste_attente` its length."""
    params = request.query_params
    page = workshops.queries.find(
        _scope(viewer), query.list_options(params), query.page_request(params)
    )
    return envelope(request, page, wire.workshop_out, base_url)


@post("/api/ateliers/", tags=TAGS)
@blocking
def create_workshop(
    data: JSONBody[WorkshopIn],
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
) -> Response[WorkshopOut]:
    """Admin: `nom`, `date` (YYYY-MM-DDTHH:MM or YYYY-MM-DD, shop time), `duree`, `prix`,
    `places_totales` required; all seats free."""
    fields = wire.fields(data, workshops.tz, creating=True)
    workshop_id = workshops.create(fields)
    return Response(_detail(workshops, workshop_id, admin), status_code=201)


@get("/api/ateliers/stats/", tags=TAGS)
@blocking
def workshop_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
    clock: Injected[Clock],
) -> StatsOut:
    """Admin: totals, revenue (completed seat payments), top 10 by seats taken in `days`."""
    days = query.integer(request.query_params, "days", minimum=1) or 30
    since = clock.now() - timedelta(days=min(days, 36500))
    return wire.stats_out(workshops.queries.stats(since))


@get("/api/ateliers/export_csv/", tags=TAGS, media_type="text/csv")
@blocking
def export_workshops(
    admin: NamedDependency[Viewer], exports: Injected[CsvExports]
) -> Response[str]:
    """Admin: CSV of every workshop (also `chezflora export workshops`)."""
    return csv_response(
        "ateliers_export.csv", exports.columns("workshops"), exports.rows("workshops")
    )


@get("/api/ateliers/participants/export_csv/", tags=TAGS, media_type="text/csv")
@blocking
def export_participants(
    admin: NamedDependency[Viewer], exports: Injected[CsvExports]
) -> Response[str]:
    """Admin: CSV of every registration (also `chezflora export workshop-participants`)."""
    name = "workshop-participants"
    return csv_response("participants_ateliers.csv", exports.columns(name), exports.rows(name))


@get("/api/ateliers/{workshop_id:int}/", tags=TAGS)
@blocking
def workshop_detail(
    workshop_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    workshops: Injected[WorkshopsModule],
) -> WorkshopOut:
    """Anyone (also without the trailing slash): an active workshop (admins: any)."""
    return _detail(workshops, workshop_id, viewer)


@route(
    "/api/ateliers/{workshop_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS
)
@blocking
def update_workshop(
    workshop_id: FromPath[int],
    data: JSONBody[WorkshopIn],
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
) -> WorkshopOut:
    """Admin, partial. `places_totales` below the seats taken → 400 on the field; new seats
    go to the waiting list at once. `places_disponibles` is derived (ignored if sent)."""
    fields = wire.fields(data, workshops.tz, creating=False)
    workshops.update(workshop_id, fields)
    return _detail(workshops, workshop_id, admin)


@delete("/api/ateliers/{workshop_id:int}/", tags=TAGS)
@blocking
def delete_workshop(
    workshop_id: FromPath[int],
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
) -> None:
    """Admin: seat payments settled (refunded or failed), then the workshop is removed."""
    workshops.delete(workshop_id)


@post("/api/ateliers/{workshop_id:int}/s_inscrire/", tags=TAGS)
@blocking
def register(
    request: AnyRequest,
    workshop_id: FromPath[int],
    caller: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
    idempotency: Injected[IdempotencyGuard],
    data: JSONBody[RegisterIn | None] = None,
) -> Response[bytes]:
    """Client, no body: one seat and a `simule` payment of `prix` (pay it with
    `/api/paiements/{paiement_id}/simuler/`). Full → 409, unless `{"liste_attente": true}`:
    then the caller joins the FIFO waiting list and gets the next freed seat automatically
    (with its payment and an e-mail). Honours `Idempotency-Key`."""
    waiting = data is not None and wire.flag("liste_attente", data.liste_attente)

    def work() -> tuple[int, object]:
        outcome = workshops.register(caller, workshop_id, waiting_list=waiting)
        return 200, wire.registered_out(workshop_id, outcome)

    return idempotent(request, caller, idempotency, data, work)


@post("/api/ateliers/{workshop_id:int}/desinscription/", status_code=200, tags=TAGS)
@blocking
def unregister(
    workshop_id: FromPath[int],
    caller: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
) -> StatusOut:
    """The caller leaves (seat or waiting list): their own payment is refunded or cancelled,
    and the first waiting client takes the seat. Not registered → 409."""
    workshops.unregister(caller, workshop_id)
    return StatusOut(status="Désinscription réussie", atelier_id=workshop_id)


@post("/api/ateliers/{workshop_id:int}/cancel/", status_code=200, tags=TAGS)
@blocking
def cancel_workshop(
    workshop_id: FromPath[int],
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
    data: JSONBody[CancelIn | None] = None,
) -> StatusOut:
    """Admin, `raison` required: deactivate, refund or cancel every seat's payment, e-mail
    every participant (and waiting client) the reason. Already cancelled → 409."""
    reason = (data.raison if data is not None else None) or ""
    if not reason.strip():
        raise InvalidInput.on_field("raison", REASON_REQUIRED)
    notified = workshops.cancel(workshop_id, reason)
    return StatusOut(status="Atelier annulé, participants notifiés", participants_notifies=notified)


@get("/api/ateliers/{workshop_id:int}/participants/", tags=TAGS)
@blocking
def participants(
    request: AnyRequest,
    workshop_id: FromPath[int],
    admin: NamedDependency[Viewer],
    workshops: Injected[WorkshopsModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Admin: every registration (seats, waiting list, cancelled), `utilisateur` as the
    username; `search` on username, e-mail or statut."""
    queries = workshops.queries
    if queries.get(workshop_id, WorkshopScope(is_admin=True)) is None:
        raise NotFound(NOT_FOUND)
    params = request.query_params
    page = queries.participants(workshop_id, query.list_options(params), query.page_request(params))
    return envelope(request, page, wire.participant_row_out, base_url)


ROUTES = [
    list_workshops,
    create_workshop,
    workshop_stats,
    export_workshops,
    export_participants,
    workshop_detail,
    update_workshop,
    delete_workshop,
    register,
    unregister,
    cancel_workshop,
    participants,
]
