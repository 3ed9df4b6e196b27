"""Services and réalisations (portfolio): public reads (active only), admin writes and stats."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar import HttpMethod, Request, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.services import ServicesModule
from chezflora.application.services.queries import RealisationFilters, ServiceFilters
from chezflora.domain.errors import NotFound
from chezflora.domain.service import REALISATION_NOT_FOUND, SERVICE_NOT_FOUND
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire import services as wire
from chezflora.entrypoints.http.wire.services import (
    RealisationIn,
    RealisationOut,
    ServiceIn,
    ServiceOut,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["services"]


def _is_admin(viewer: Viewer | None) -> bool:
    return viewer is not None and viewer.is_admin


def _service(services: ServicesModule, service_id: int, include_inactive: bool) -> ServiceOut:
    view = services.queries.service(service_id, include_inactive)
    if view is None:
        raise NotFound(SERVICE_NOT_FOUND)
    return wire.service_out(view)


def _realisation(
    services: ServicesModule, realisation_id: int, include_inactive: bool
) -> RealisationOut:
    view = services.queries.realisation(realisation_id, include_inactive)
    if view is None:
        raise NotFound(REALISATION_NOT_FOUND)
    return wire.realisation_out(view)


@get("/api/services/", tags=TAGS)
@blocking
def list_services(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    services: Injected[ServicesModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Anonymous: active services; admins: all. Filters nom, is_active; search; ordering nom."""
    params = request.query_params
    filters = ServiceFilters(
        include_inactive=_is_admin(viewer),
        is_active=query.boolean(params, "is_active"),
        nom=query.text(params, "nom"),
    )
    page = services.queries.services(
        filters, query.list_options(params), query.page_request(params)
    )
    return envelope(request, page, wire.service_out, base_url)


@get("/api/services/{service_id:int}/", tags=TAGS)
@blocking
def service_detail(
    service_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    services: Injected[ServicesModule],
) -> ServiceOut:
    """An inactive service is a 404 for non-admins."""
    return _service(services, service_id, _is_admin(viewer))


@post("/api/services/", tags=TAGS)
@blocking
def create_service(
    data: JSONBody[ServiceIn], admin: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> ServiceOut:
    """Admin: unique nom (≤ 100), description, is_active (true/false or "true"/"false")."""
    service_id = services.create_service(wire.new_service(data))
    return _service(services, service_id, True)


@route("/api/services/{service_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS)
@blocking
def update_service(
    service_id: FromPath[int],
    data: JSONBody[ServiceIn],
    admin: NamedDependency[Viewer],
    services: Injected[ServicesModule],
) -> ServiceOut:
    """Admin, partial (PUT like PATCH); inactive services can be edited and re-activated."""
    services.update_service(service_id, wire.service_changes(data))
    return _service(services, service_id, True)


@delete("/api/services/{service_id:int}/", tags=TAGS)
@blocking
def delete_service(
    service_id: FromPath[int], admin: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> None:
    """Admin. 409 while quotes or réalisations refer to it (deactivate it instead)."""
    services.delete_service(service_id)


@get("/api/realisations/", tags=TAGS)
@blocking
def list_realisations(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    services: Injected[ServicesModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Anonymous: active ones of active services; admins: all. Filters titre, service,
    date_min, is_active; search titre/description; ordering date (default newest first)."""
    params = request.query_params
    filters = RealisationFilters(
        include_inactive=_is_admin(viewer),
        is_active=query.boolean(params, "is_active"),
        service_id=query.integer(params, "service", minimum=1),
        titre=query.text(params, "titre"),
        date_min=query.instant(params, "date_min"),
    )
    page = services.queries.realisations(
        filters, query.list_options(params), query.page_request(params)
    )
    return envelope(request, page, wire.realisation_out, base_url)


@get("/api/realisations/stats/", tags=TAGS)
@blocking
def realisation_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    services: Injected[ServicesModule],
    clock: Injected[Clock],
) -> dict[str, Any]:
    """Admin: totals, active ones by service, and those dated within the last `days` (30)."""
    days = query.integer(request.query_params, "days", minimum=1) or 30
    since = clock.now() - timedelta(days=min(days, 36500))
    return wire.realisation_stats_out(services.queries.realisation_stats(since))


@get("/api/realisations/{realisation_id:int}/", tags=TAGS)
@blocking
def realisation_detail(
    realisation_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    services: Injected[ServicesModule],
) -> RealisationOut:
    """Also without the trailing slash. An inactive one is a 404 for non-admins."""
    return _realisation(services, realisation_id, _is_admin(viewer))


@post("/api/realisations/", tags=TAGS)
@blocking
def create_realisation(
    data: JSONBody[RealisationIn],
    admin: NamedDependency[Viewer],
    services: Injected[ServicesModule],
) -> RealisationOut:
    """Admin: service_id, titre, date (YYYY-MM-DD), description, is_active; author = caller."""
    realisation_id = services.create_realisation(admin, wire.new_realisation(data))
    return _realisation(services, realisation_id, True)


@route(
    "/api/realisations/{realisation_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=TAGS,
)
@blocking
def update_realisation(
    realisation_id: FromPath[int],
    data: JSONBody[RealisationIn],
    admin: NamedDependency[Viewer],
    services: Injected[ServicesModule],
) -> RealisationOut:
    """Admin, partial; inactive réalisations can be edited and re-activated."""
    services.update_realisation(realisation_id, wire.realisation_changes(data))
    return _realisation(services, realisation_id, True)


@delete("/api/realisations/{realisation_id:int}/", tags=TAGS)
@blocking
def delete_realisation(
    realisation_id: FromPath[int],
    admin: NamedDependency[Viewer],
    services: Injected[ServicesModule],
) -> None:
    """Admin: the réalisation and its photos."""
    services.delete_realisation(realisation_id)


ROUTES = [
    list_services,
    service_detail,
    create_service,
    update_service,
    delete_service,
    list_realisations,
    realisation_stats,
    realisation_detail,
    create_realisation,
    update_realisation,
    delete_realisation,
]
