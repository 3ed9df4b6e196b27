"""Products: public reads priced with the one rule, admin writes, low stock and statistics."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, delete, get, post, route
from litestar.datastructures import MultiDict
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.catalogue.views import ProductFilters
from chezflora.application.identity.authentication import Viewer
from chezflora.bootstrap import Container
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.cached import cached_read
from chezflora.entrypoints.http.controllers.catalogue_categories import is_admin
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
    container: NamedDependency[Container],
) -> dict[str, Any]:
    """Non-admins see active products only; every item carries prix_reduit.

    Filters: `categorie` (or `categorie[id]`, as the React client sends it), `is_active`,
    `prix_min`, `prix_max`, `stock_min`, `nom`, `search`, `ordering`; `page`, `per_page`.
    """
    params = request.query_params
    filters = product_filters(params, is_admin(viewer))
    page = container.catalogue.reader.list_products(
        filters, query.page_request(params), container.clock.now()
    )
    return envelope(request, page, product_out, container.settings.public_base_url)


@get("/api/produits/{product_id:int}/", tags=TAGS)
@cached_read("catalogue")
def product_detail(
    request: AnyRequest,
    product_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    container: NamedDependency[Container],
) -> ProductOut:
    """An inactive product is a 404 for non-admins."""
    reader = container.catalogue.reader
    return product_out(
        reader.product_detail(product_id, container.clock.now(), include_inactive=is_admin(viewer))
    )


def _admin_view(container: Container, product_id: int) -> ProductOut:
    reader = container.catalogue.reader
    return product_out(
        reader.product_detail(product_id, container.clock.now(), include_inactive=True)
    )


@post("/api/produits/", tags=TAGS)
@blocking
def create_product(
    data: JSONBody[ProductIn], admin: NamedDependency[Viewer], container: NamedDependency[Container]
) -> ProductOut:
    """Admin: nom, prix (≥ 0, 2 places), stock (≥ 0) and an existing categorie_id required."""
    return _admin_view(container, container.catalogue.create_product(new_product(data)))


@route("/api/produits/{product_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS)
@blocking
def update_product(
    product_id: FromPath[int],
    data: JSONBody[ProductIn],
    admin: NamedDependency[Viewer],
    container: NamedDependency[Container],
) -> ProductOut:
    """PUT is partial, like PATCH; `promotions` replaces the links when present."""
    container.catalogue.update_product(product_id, product_changes(data))
    return _admin_view(container, product_id)


@delete("/api/produits/{product_id:int}/", tags=TAGS)
@blocking
def delete_product(
    product_id: FromPath[int], admin: NamedDependency[Viewer], container: NamedDependency[Container]
) -> None:
    """Also deletes its photos, rows and files."""
    container.catalogue.delete_product(product_id)


@get("/api/produits/low_stock/", tags=TAGS)
@blocking
def low_stock(
    request: AnyRequest, admin: NamedDependency[Viewer], container: NamedDependency[Container]
) -> dict[str, Any]:
    """Active products with stock ≤ SEUIL_STOCK_FAIBLE (default 5); paged by page/per_page."""
    params = request.query_params
    report = container.catalogue.reader.low_stock(
        query.list_options(params), query.page_request(params)
    )
    return low_stock_out(report)


@get("/api/produits/stats/", tags=TAGS)
@blocking
def product_stats(
    request: AnyRequest, admin: NamedDependency[Viewer], container: NamedDependency[Container]
) -> dict[str, Any]:
    """Counts, sales of shipped/delivered orders over `days` (default 30), stock by category."""
    days = query.integer(request.query_params, "days", minimum=1) or DEFAULT_STATS_DAYS
    return stats_out(container.catalogue.reader.stats(min(days, 3650), container.clock.now()))


ROUTES = [
    list_products,
    product_detail,
    create_product,
    update_product,
    delete_product,
    low_stock,
    product_stats,
]
