"""Categories: public reads (active only for non-admins), admin writes."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.catalogue.module import CatalogueModule
from chezflora.application.catalogue.views import CategoryFilters
from chezflora.application.fresh_stock import FreshStock
from chezflora.application.identity.authentication import Viewer
from chezflora.application.read_cache import ReadCache
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.cached import cached_read
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.catalogue import (
    CategoryIn,
    CategoryOut,
    category_changes,
    category_out,
    new_category,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["catalogue"]


def is_admin(viewer: Viewer | None) -> bool:
    return viewer is not None and viewer.is_admin


@get("/api/categories/", tags=TAGS)
@cached_read("catalogue")
def list_categories(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    base_url: Injected[str],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> dict[str, Any]:
    """Filters is_active, nom; search on nom; ordering nom, date_creation."""
    params = request.query_params
    filters = CategoryFilters(
        include_inactive=is_admin(viewer),
        is_active=query.boolean(params, "is_active"),
        nom=query.text(params, "nom"),
        options=query.list_options(params),
    )
    page = catalogue.reader.list_categories(filters, query.page_request(params))
    return envelope(request, page, category_out, base_url)


@get("/api/categories/{category_id:int}/", tags=TAGS)
@cached_read("catalogue")
def category_detail(
    request: AnyRequest,
    category_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    catalogue: Injected[CatalogueModule],
    read_cache: Injected[ReadCache],
    fresh_stock: Injected[FreshStock],
) -> CategoryOut:
    """An inactive category is a 404 for non-admins."""
    reader = catalogue.reader
    return category_out(reader.category_detail(category_id, include_inactive=is_admin(viewer)))


@post("/api/categories/", tags=TAGS)
@blocking
def create_category(
    data: JSONBody[CategoryIn],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
) -> CategoryOut:
    """Admin: a unique nom (≤ 100 characters), optional description, active by default."""
    category_id = catalogue.create_category(new_category(data))
    return category_out(catalogue.reader.category_detail(category_id, include_inactive=True))


@route(
    "/api/categories/{category_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS
)
@blocking
def update_category(
    category_id: FromPath[int],
    data: JSONBody[CategoryIn],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
) -> CategoryOut:
    """PUT is partial, like PATCH: the admin page sends only {nom, is_active}."""
    catalogue.update_category(category_id, category_changes(data))
    return category_out(catalogue.reader.category_detail(category_id, include_inactive=True))


@delete("/api/categories/{category_id:int}/", tags=TAGS)
@blocking
def delete_category(
    category_id: FromPath[int],
    admin: NamedDependency[Viewer],
    catalogue: Injected[CatalogueModule],
) -> None:
    """409 "Catégorie non vide" while products belong to it."""
    catalogue.delete_category(category_id)


ROUTES = [
    list_categories,
    category_detail,
    create_category,
    update_category,
    delete_category,
]
