"""Site parameters: admin CRUD, and the public whitelist every page reads."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, Response, delete, get, post, route
from litestar.di import NamedDependency
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, JSONBody

from chezflora.application.identity.authentication import Viewer
from chezflora.application.identity.queries import ParameterQueries
from chezflora.application.parameters import DeleteParameter, SaveParameter
from chezflora.application.read_cache import ReadCache
from chezflora.domain.errors import NotFound
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.cached import cached_json
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.identity import (
    ParameterIn,
    ParameterOut,
    ParameterPatch,
    parameter_out,
)

AnyRequest = Request[Any, Any, Any]


@get(
    "/api/parametres/public/",
    tags=["parametres"],
    responses={200: ResponseSpec(data_container=list[ParameterOut])},
)
async def public_parameters(
    request: AnyRequest,
    parameter_queries: Injected[ParameterQueries],
    read_cache: Injected[ReadCache],
) -> Response[bytes]:
    """Bare array of the whitelisted public parameters (site name, colours, contact)."""
    return await cached_json(
        read_cache,
        request,
        "catalogue",
        "public",
        lambda: [parameter_out(p) for p in parameter_queries.public()],
    )


@get("/api/parametres/", tags=["parametres"])
@blocking
def list_parameters(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    parameter_queries: Injected[ParameterQueries],
    base_url: Injected[str],
) -> Any:
    """Admin list (envelope); `?cle=KEY` answers a bare array, as the low-stock page reads it."""
    params = request.query_params
    cle = query.text(params, "cle")
    if cle is not None:
        return [parameter_out(p) for p in parameter_queries.by_key(cle)]
    page = parameter_queries.find(None, query.list_options(params), query.page_request(params))
    return envelope(request, page, parameter_out, base_url)


@post("/api/parametres/", tags=["parametres"], opt={"success": (200,)})
@blocking
def create_parameter(
    data: JSONBody[ParameterIn],
    admin: NamedDependency[Viewer],
    save_parameter: Injected[SaveParameter],
) -> Response[ParameterOut]:
    """Create, or update the parameter with that key (201 when created, 200 when updated)."""
    parameter, created = save_parameter(data.cle, data.valeur, data.description)
    return Response(parameter_out(parameter), status_code=201 if created else 200)


@get("/api/parametres/{parameter_id:int}/", tags=["parametres"])
@blocking
def parameter_detail(
    parameter_id: FromPath[int],
    admin: NamedDependency[Viewer],
    parameter_queries: Injected[ParameterQueries],
) -> ParameterOut:
    """Admin: one parameter."""
    parameter = parameter_queries.get(parameter_id)
    if parameter is None:
        raise NotFound("Paramètre non trouvé")
    return parameter_out(parameter)


@route(
    "/api/parametres/{parameter_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=["parametres"],
)
@blocking
def update_parameter(
    parameter_id: FromPath[int],
    data: JSONBody[ParameterPatch],
    admin: NamedDependency[Viewer],
    parameter_queries: Injected[ParameterQueries],
    save_parameter: Injected[SaveParameter],
) -> ParameterOut:
    """Partial update (clients send PUT with the keys they edit); the others keep their value."""
    current = parameter_queries.get(parameter_id)
    if current is None:
        raise NotFound("Paramètre non trouvé")
    parameter, _ = save_parameter(
        data.cle if data.cle is not None else current.cle,
        data.valeur if data.valeur is not None else current.valeur,
        data.description,
        parameter_id,
    )
    return parameter_out(parameter)


@delete("/api/parametres/{parameter_id:int}/", tags=["parametres"])
@blocking
def delete_parameter(
    parameter_id: FromPath[int],
    admin: NamedDependency[Viewer],
    remove_parameter: Injected[DeleteParameter],
) -> None:
    """Admin: the rules that read it fall back to their defaults."""
    remove_parameter(parameter_id)


ROUTES = [
    public_parameters,
    list_parameters,
    create_parameter,
    parameter_detail,
    update_parameter,
    delete_parameter,
]
