"""Wishlist `/api/wishlist/`: one per client; collection-level add and remove actions."""

from __future__ import annotations

from typing import Any

from litestar import Request, delete, get, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.identity.authentication import Viewer
from chezflora.application.shopping.module import ShoppingModule
from chezflora.application.shopping.views import Scope
from chezflora.application.shopping.wishlist import WISHLIST_NOT_FOUND
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.shopping import ProductIdIn, WishlistOut, wishlist_out

AnyRequest = Request[Any, Any, Any]
PRODUCT_REQUIRED = "Produit ID requis."


def _product_id(data: ProductIdIn | None) -> int:
    if data is None or data.produit_id is None:
        raise InvalidInput.on_field("produit_id", PRODUCT_REQUIRED)
    return data.produit_id


@get("/api/wishlist/", tags=["wishlist"])
@blocking
def list_wishlists(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """The caller's wishlist (0 or 1, first); admins see all."""
    params = request.query_params
    page = shopping.queries.wishlists(
        Scope.of(caller.user_id, caller.is_admin),
        query.list_options(params),
        query.page_request(params),
    )
    return envelope(request, page, wishlist_out, base_url)


@get("/api/wishlist/{wishlist_id:int}/", tags=["wishlist"])
@blocking
def wishlist_detail(
    wishlist_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> WishlistOut:
    """One wishlist: its owner's or, for admins, any (others get 404)."""
    view = shopping.queries.wishlist(Scope.of(caller.user_id, caller.is_admin), wishlist_id)
    if view is None:
        raise NotFound(WISHLIST_NOT_FOUND)
    return wishlist_out(view)


@delete("/api/wishlist/{wishlist_id:int}/", tags=["wishlist"])
@blocking
def delete_wishlist(
    wishlist_id: FromPath[int],
    admin: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
) -> None:
    """Admin: the client gets a new empty wishlist on next use."""
    shopping.delete_wishlist(wishlist_id)


@post("/api/wishlist/ajouter_produit/", status_code=200, tags=["wishlist"])
@blocking
def add_to_wishlist(
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[ProductIdIn | None] = None,
) -> dict[str, Any]:
    """Idempotent: adding a product already there answers 200 as well."""
    product_id = _product_id(data)
    shopping.add_to_wishlist(caller, product_id)
    return {"status": "Produit ajouté à la wishlist", "produit_id": product_id}


@post("/api/wishlist/supprimer_produit/", status_code=200, tags=["wishlist"])
@blocking
def remove_from_wishlist(
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[ProductIdIn | None] = None,
) -> dict[str, Any]:
    """The product leaves the caller's wishlist; 400 when it was not there."""
    product_id = _product_id(data)
    shopping.remove_from_wishlist(caller, product_id)
    return {"status": "Produit supprimé de la wishlist", "produit_id": product_id}


ROUTES = [list_wishlists, wishlist_detail, delete_wishlist, add_to_wishlist, remove_from_wishlist]
