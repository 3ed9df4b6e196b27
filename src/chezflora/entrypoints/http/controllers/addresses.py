"""Delivery addresses `/api/adresses/`: owner-scoped CRUD (admins see all)."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.identity.authentication import Viewer
from chezflora.application.shopping.module import ShoppingModule
from chezflora.application.shopping.views import Scope
from chezflora.domain.address import NOT_FOUND_MESSAGE
from chezflora.domain.errors import NotFound
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.shopping import AddressIn, AddressOut, address_out
from chezflora.entrypoints.http.wire.values import present

AnyRequest = Request[Any, Any, Any]


def _detail(shopping: ShoppingModule, caller: Viewer, address_id: int) -> AddressOut:
    view = shopping.queries.address(Scope.of(caller.user_id, caller.is_admin), address_id)
    if view is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    return address_out(view)


@get("/api/adresses/", tags=["adresses"])
@blocking
def list_addresses(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Own addresses (the default first); admins all. `search` on client, nom, ville."""
    params = request.query_params
    page = shopping.queries.addresses(
        Scope.of(caller.user_id, caller.is_admin),
        query.list_options(params),
        query.page_request(params),
    )
    return envelope(request, page, address_out, base_url)


@post("/api/adresses/", tags=["adresses"])
@blocking
def create_address(
    data: JSONBody[AddressIn],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> AddressOut:
    """nom, rue, ville, code_postal, pays required; `is_default` unsets the other defaults."""
    address_id = shopping.create_address(caller, present(data))
    return _detail(shopping, caller, address_id)


@get("/api/adresses/{address_id:int}/", tags=["adresses"])
@blocking
def address_detail(
    address_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> AddressOut:
    """One address: its owner's or, for admins, any (others get 404)."""
    return _detail(shopping, caller, address_id)


@route(
    "/api/adresses/{address_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=["adresses"],
)
@blocking
def update_address(
    address_id: FromPath[int],
    data: JSONBody[AddressIn],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> AddressOut:
    """PUT is partial, like PATCH (the client sends PUT without every field)."""
    shopping.update_address(caller, address_id, present(data))
    return _detail(shopping, caller, address_id)


@delete("/api/adresses/{address_id:int}/", tags=["adresses"])
@blocking
def delete_address(
    address_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> None:
    """Owner or admin; orders that used it keep their history."""
    shopping.delete_address(caller, address_id)


ROUTES = [
    list_addresses,
    create_address,
    address_detail,
    update_address,
    delete_address,
]
