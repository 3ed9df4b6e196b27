"""Cart: `/api/paniers/` list, `mon_panier`, detail and the item actions, then checkout."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, delete, get, post
from litestar.di import NamedDependency
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, JSONBody

from chezflora.application.fresh_stock import FreshStock
from chezflora.application.idempotency import IdempotencyGuard
from chezflora.application.identity.authentication import Viewer
from chezflora.application.read_cache import ReadCache, cart_namespace
from chezflora.application.shopping.carts import CART_NOT_FOUND
from chezflora.application.shopping.module import ShoppingModule
from chezflora.application.shopping.views import CartView, Scope
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.cached import cached_json
from chezflora.entrypoints.http.idempotency import idempotent
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.shopping import (
    CartItemOut,
    CartLineIn,
    CartOut,
    CheckoutIn,
    ProductIdIn,
    cart_item_out,
    cart_out,
)

AnyRequest = Request[Any, Any, Any]
PRODUCT_REQUIRED = "Produit ID requis."
CHECKOUT_DONE = "Commande créée et paiement simulé"


def _own(shopping: ShoppingModule, caller: Viewer, cart_id: int) -> CartView:
    view = shopping.queries.cart(Scope(caller.user_id, caller.user_id), cart_id)
    if view is None:
        raise NotFound(CART_NOT_FOUND)
    return view


def _product_id(data: CartLineIn | ProductIdIn | None) -> int:
    if data is None or data.produit_id is None:
        raise InvalidInput.on_field("produit_id", PRODUCT_REQUIRED)
    return data.produit_id


def _line(data: CartLineIn | None) -> tuple[int, int]:
    """The product and quantity of an item action (quantity defaults to 1)."""
    product_id = _product_id(data)
    assert data is not None  # _product_id refused a missing body
    return product_id, data.quantite


@get("/api/paniers/", tags=["panier"])
@blocking
def list_carts(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """The caller's cart first (created if missing); admins see every cart."""
    shopping.open_cart(caller.user_id)
    params = request.query_params
    page = shopping.queries.carts(
        Scope.of(caller.user_id, caller.is_admin),
        query.list_options(params),
        query.page_request(params),
    )
    return envelope(request, page, cart_out, base_url)


@get("/api/paniers/mon_panier/", tags=["panier"], responses={200: ResponseSpec(CartOut)})
async def my_cart(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> Response[bytes]:
    """Get-or-create the caller's cart, with its `total` at today's effective prices.

    Served from the read cache per caller until this caller's cart (group) or the catalogue
    changes; the stock of its products is shown as it is now.
    """
    catalogue = read_cache.version("catalogue")
    audience = f"client:{caller.user_id}|catalogue:{catalogue}"
    return await cached_json(
        read_cache,
        request,
        cart_namespace(caller.user_id),
        audience,
        lambda: _my_cart(shopping, caller),
        fresh_stock,
    )


def _my_cart(shopping: ShoppingModule, caller: Viewer) -> CartOut:
    view = shopping.queries.own_cart(caller.user_id)
    if view is None:
        view = _own(shopping, caller, shopping.open_cart(caller.user_id))
    return cart_out(view)


@get("/api/paniers/{cart_id:int}/", tags=["panier"])
@blocking
def cart_detail(
    cart_id: FromPath[int], caller: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> CartOut:
    view = shopping.queries.cart(Scope.of(caller.user_id, caller.is_admin), cart_id)
    if view is None:
        raise NotFound(CART_NOT_FOUND)
    return cart_out(view)


@delete("/api/paniers/{cart_id:int}/", tags=["panier"])
@blocking
def empty_cart(
    cart_id: FromPath[int], admin: NamedDependency[Viewer], shopping: Injected[ShoppingModule]
) -> None:
    """Admin: empties a cart (every client keeps exactly one)."""
    shopping.empty_cart(cart_id)


@post(
    "/api/paniers/{cart_id:int}/ajouter_produit/",
    status_code=201,
    tags=["panier"],
    responses={200: ResponseSpec(CartItemOut, description="More of a line already there")},
)
@blocking
def add_product(
    cart_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[CartLineIn | None] = None,
) -> Response[CartItemOut]:
    """Adds `quantite` (default 1) of an active product; the line must fit the stock.

    201 when the line is created, 200 when the product was already in the cart (as the
    original API). The answer is built from the write's own reads: no second read.
    """
    product_id, quantity = _line(data)
    changed = shopping.add_to_cart(caller, cart_id, product_id, quantity)
    return Response(cart_item_out(changed.item), status_code=201 if changed.created else 200)


@post("/api/paniers/{cart_id:int}/modifier_quantite/", status_code=200, tags=["panier"])
@blocking
def change_quantity(
    cart_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[CartLineIn | None] = None,
) -> CartItemOut:
    """Sets the new absolute quantity (integer ≥ 1, within stock)."""
    product_id, quantity = _line(data)
    return cart_item_out(shopping.change_quantity(caller, cart_id, product_id, quantity).item)


@post("/api/paniers/{cart_id:int}/supprimer_produit/", status_code=200, tags=["panier"])
@blocking
def remove_product(
    cart_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    data: JSONBody[ProductIdIn | None] = None,
) -> CartOut:
    """Drops the product's line and answers with the cart."""
    shopping.remove_from_cart(caller, cart_id, _product_id(data))
    return cart_out(_own(shopping, caller, cart_id))


@post("/api/paniers/{cart_id:int}/valider_panier/", status_code=201, tags=["panier"])
@blocking
def check_out(
    request: AnyRequest,
    cart_id: FromPath[int],
    caller: NamedDependency[Viewer],
    shopping: Injected[ShoppingModule],
    idempotency: Injected[IdempotencyGuard],
    data: JSONBody[CheckoutIn | None] = None,
) -> Response[bytes]:
    """Checkout (honours `Idempotency-Key`): order en_attente + simulated payment, stock taken."""
    address_id = None if data is None else data.adresse_id

    def work() -> tuple[int, object]:
        placed = shopping.check_out(caller, cart_id, address_id)
        return 201, {
            "status": CHECKOUT_DONE,
            "commande_id": placed.order_id,
            "paiement_id": placed.payment_id,
            "total": float(placed.total.amount),
        }

    return idempotent(request, caller, idempotency, data, work, atomic=True)


ROUTES = [
    list_carts,
    my_cart,
    cart_detail,
    empty_cart,
    add_product,
    change_quantity,
    remove_product,
    check_out,
]
