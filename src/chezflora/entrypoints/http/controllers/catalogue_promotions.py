"""Promotions: non-admins see the currently valid ones; admins see and write all."""

from __future__ import annotations

from typing import Any, Literal, cast

from litestar import HttpMethod, Request, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.catalogue.module import CatalogueModule
from chezflora.application.catalogue.views import PromotionFilters
from chezflora.application.fresh_stock import FreshStock
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.read_cache import ReadCache
from chezflora.domain.errors import InvalidInput
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.cached import cached_read
from chezflora.entrypoints.http.controllers.catalogue_categories import is_admin
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.catalogue import ProductOut, product_out
from chezflora.entrypoints.http.wire.promotions import (
    PromotionIn,
    PromotionOut,
    new_promotion,
    promotion_changes,
    promotion_out,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["catalogue"]
STATUSES = ("active", "expired")


def _status(value: str | None) -> Literal["active", "expired"] | None:
    if value is not None and value not in STATUSES:
        raise InvalidInput("Paramètre status invalide", fields={"status": ["active ou expired."]})
    return cast(Literal["active", "expired"] | None, value)


@get("/api/promotions/", tags=TAGS)
@cached_read("catalogue")
def list_promotions(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
    base_url: Injected[str],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> dict[str, Any]:
    """Filters status (active/expired), is_active, nom; search nom/description; ordering."""
    params = request.query_params
    filters = PromotionFilters(
        valid_only=not is_admin(viewer),
        status=_status(query.text(params, "status")),
        is_active=query.boolean(params, "is_active"),
        nom=query.text(params, "nom"),
        options=query.list_options(params),
    )
    page = catalogue.reader.list_promotions(filters, query.page_request(params), clock.now())
    return envelope(request, page, promotion_out, base_url)


@get("/api/promotions/{promotion_id:int}/", tags=TAGS)
@cached_read("catalogue")
def promotion_detail(
    request: AnyRequest,
    promotion_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> PromotionOut:
    """Non-admins see a promotion only while it is valid."""
    reader = catalogue.reader
    return promotion_out(
        reader.promotion_detail(promotion_id, clock.now(), include_all=is_admin(viewer))
    )


@get("/api/promotions/{promotion_id:int}/produits_affectes/", tags=TAGS)
@cached_read("catalogue")
def affected_products(
    request: AnyRequest,
    promotion_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> list[ProductOut]:
    """Bare array: linked products ∪ products of its category, each once."""
    reader = catalogue.reader
    found = reader.affected_products(promotion_id, clock.now(), include_all=is_admin(viewer))
    return [product_out(p) for p in found]


def _admin_view(catalogue: CatalogueModule, clock: Clock, promotion_id: int) -> PromotionOut:
    reader = catalogue.reader
    return promotion_out(reader.promotion_detail(promotion_id, clock.now(), include_all=True))


@post("/api/promotions/", tags=TAGS)
@blocking
def create_promotion(
    data: JSONBody[PromotionIn],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
) -> PromotionOut:
    """reduction is a fraction in [0, 1] (0.2 = 20 %)."""
    return _admin_view(catalogue, clock, catalogue.create_promotion(new_promotion(data)))


@route(
    "/api/promotions/{promotion_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS
)
@blocking
def update_promotion(
    promotion_id: FromPath[int],
    data: JSONBody[PromotionIn],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
) -> PromotionOut:
    """PUT is partial, like PATCH; one date alone is checked against the stored other one."""
    catalogue.update_promotion(promotion_id, promotion_changes(data))
    return _admin_view(catalogue, clock, promotion_id)


@delete("/api/promotions/{promotion_id:int}/", tags=TAGS)
@blocking
def delete_promotion(
    promotion_id: FromPath[int],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
) -> None:
    """Admin: the promotion and its product links go."""
    catalogue.delete_promotion(promotion_id)


ROUTES = [
    list_promotions,
    promotion_detail,
    affected_products,
    create_promotion,
    update_promotion,
    delete_promotion,
]
