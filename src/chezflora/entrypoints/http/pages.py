"""The list envelope {count, next, previous, results} with absolute page links."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

from litestar import Request

from chezflora.application.pagination import Page
from chezflora.domain.errors import NotFound

T = TypeVar("T")


def envelope(
    request: Request[Any, Any, Any], page: Page[T], to_wire: Callable[[T], Any], base_url: str
) -> dict[str, Any]:
    number = page.request.page
    if number > 1 and not page.items:
        raise NotFound("Page non valide.")
    return {
        "count": page.total,
        "next": _link(request, base_url, number + 1) if page.has_next else None,
        "previous": _link(request, base_url, number - 1) if page.has_previous else None,
        "results": [to_wire(item) for item in page.items],
    }


def _link(request: Request[Any, Any, Any], base_url: str, number: int) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
    if number > 1:
        params.append(("page", str(number)))
    query = urlencode(params)
    # Paths keep their trailing slash, as the clients write them.
    path = request.url.path.rstrip("/") + "/"
    return f"{base_url}{path}" + (f"?{query}" if query else "")
