"""Products: public reads priced with the one rule, admin writes, low stock and statistics."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, delete, get, post, route
from litestar.datastructures import MultiDict
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.catalogue.module import CatalogueModule
from chezflora.application.catalogue.views import ProductFilters
from chezflora.application.fresh_stock import FreshStock
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.read_cache import ReadCache
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.cached import cached_read
from chezflora.entrypoints.http.controllers.catalogue_categories import is_admin
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.catalogue import (
    ProductIn,
    ProductOut,
    low_stock_out,
    new_product,
    product_changes,
    product_out,
    stats_out,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["catalogue"]
DEFAULT_STATS_DAYS = 30


def product_filters(params: MultiDict[str], admin: bool) -> ProductFilters:
    return ProductFilters(
        include_inactive=admin,
        is_active=query.boolean(params, "is_active"),
        categorie=query.integer(params, "categorie", minimum=1) or _nested_category(params),
        prix_min=query.decimal(params, "prix_min"),
        prix_max=query.decimal(params, "prix_max"),
        stock_min=query.integer(params, "stock_min"),
        nom=query.text(params, "nom"),
        options=query.list_options(params),
    )


def _nested_category(params: MultiDict[str]) -> int | None:
    """The real client's "similar products" block sends categorie[id]=<id>&categorie[nom]=…
    (the category object as bracket keys): a filter when it is an id, ignored otherwise
    (frontend-contract §1.6: never a 400 for it)."""
    value = (params.get("categorie[id]") or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 2**63 else None


@get("/api/produits/", tags=TAGS)
@cached_read("catalogue")
def list_products(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
    base_url: Injected[str],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> dict[str, Any]:
    """Non-admins see active products only; every item carries prix_reduit.

    Filters: `categorie` (or `categorie[id]`, as the React client sends it), `is_active`,
    `prix_min`, `prix_max`, `stock_min`, `nom`, `search`, `ordering`; `page`, `per_page`.
    """
    params = request.query_params
    filters = product_filters(params, is_admin(viewer))
    page = catalogue.reader.list_products(filters, query.page_request(params), clock.now())
    return envelope(request, page, product_out, base_url)


@get("/api/produits/{product_id:int}/", tags=TAGS)
@cached_read("catalogue")
def product_detail(
    request: AnyRequest,
    product_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> ProductOut:
    """An inactive product is a 404 for non-admins."""
    reader = catalogue.reader
    return product_out(
        reader.product_detail(product_id, clock.now(), include_inactive=is_admin(viewer))
    )


def _admin_view(catalogue: CatalogueModule, clock: Clock, product_id: int) -> ProductOut:
    reader = catalogue.reader
    return product_out(reader.product_detail(product_id, clock.now(), include_inactive=True))


@post("/api/produits/", tags=TAGS)
@blocking
def create_product(
    data: JSONBody[ProductIn],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
) -> ProductOut:
    """Admin: nom, prix (≥ 0, 2 places), stock (≥ 0) and an existing categorie_id required."""
    return _admin_view(catalogue, clock, catalogue.create_product(new_product(data)))


@route("/api/produits/{product_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS)
@blocking
def update_product(
    product_id: FromPath[int],
    data: JSONBody[ProductIn],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
) -> ProductOut:
    """PUT is partial, like PATCH; `promotions` replaces the links when present."""
    catalogue.update_product(product_id, product_changes(data))
    return _admin_view(catalogue, clock, product_id)


@delete("/api/produits/{product_id:int}/", tags=TAGS)
@blocking
def delete_product(
    product_id: FromPath[int], admin: NamedDependency[Viewer], catalogue: Injected[CatalogueModule]
) -> None:
    """Also deletes its photos, rows and files."""
    catalogue.delete_product(product_id)


@get("/api/produits/low_stock/", tags=TAGS)
@blocking
def low_stock(
    request: AnyRequest, admin: NamedDependency[Viewer], catalogue: Injected[CatalogueModule]
) -> dict[str, Any]:
    """Active products with stock ≤ SEUIL_STOCK_FAIBLE (default 5); paged by page/per_page."""
    params = request.query_params
    report = catalogue.reader.low_stock(query.list_options(params), query.page_request(params))
    return low_stock_out(report)


@get("/api/produits/stats/", tags=TAGS)
@blocking
def product_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
    clock: Injected[Clock],
) -> dict[str, Any]:
    """Counts, sales of shipped/delivered orders over `days` (default 30), stock by category."""
    days = query.integer(request.query_params, "days", minimum=1) or DEFAULT_STATS_DAYS
    return stats_out(catalogue.reader.stats(min(days, 3650), clock.now()))


ROUTES = [
    list_products,
    product_detail,
    create_product,
    update_product,
    delete_product,
    low_stock,
    product_stats,
]
