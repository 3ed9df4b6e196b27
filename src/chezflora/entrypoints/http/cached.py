"""Serving public reads from the read cache: same bytes for the same path, query and audience."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from litestar import Request, Response
from litestar.serialization import encode_json

from chezflora.application.identity.authentication import Viewer
from chezflora.application.read_cache import (
    Dependencies,
    ReadCache,
    stock_dependencies_of,
    stock_snapshot,
)


async def cached_json(
    cache: ReadCache,
    request: Request[Any, Any, Any],
    namespace: str,
    audience: str,
    compute: Callable[[], Any],
) -> Response[bytes]:
    """A hit is answered on the event loop; a miss computes in a worker thread.

    `audience` separates what differs by viewer (admins also see inactive products). An entry
    also depends on the stock of the products it shows (or on any stock move when the query
    filters or orders by stock): a checkout elsewhere does not flush it.
    """
    query = urlencode(sorted(request.query_params.multi_items()))
    key = f"{audience}|{request.url.path.rstrip('/')}?{query}"
    version = cache.version(namespace)
    body = cache.get(namespace, key, version)
    if not isinstance(body, bytes):
        flight = (id(cache), namespace, key, version)
        body = await _computed_once(flight, cache, compute, "stock" in query)
    return Response(content=body, media_type="application/json")


# Misses of the same entry at the same moment share one computation instead of stampeding.
_IN_FLIGHT: dict[tuple[int, str, str, int], asyncio.Future[bytes]] = {}


async def _computed_once(
    flight: tuple[int, str, str, int],
    cache: ReadCache,
    compute: Callable[[], Any],
    any_stock: bool = False,
) -> bytes:
    pending = _IN_FLIGHT.get(flight)
    if pending is not None:
        return await asyncio.shield(pending)
    future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
    future.add_done_callback(lambda f: f.cancelled() or f.exception())
    _IN_FLIGHT[flight] = future
    try:
        snapshot = stock_snapshot(cache)  # before computing: a move meanwhile makes it stale
        payload = await anyio.to_thread.run_sync(compute)
        body = encode_json(payload)
        dependencies = stock_dependencies(payload, snapshot, any_stock=any_stock)
    except BaseException as exc:
        future.set_exception(exc)
        raise
    finally:
        _IN_FLIGHT.pop(flight, None)
    _, namespace, key, version = flight
    cache.put(namespace, key, version, body, dependencies)
    future.set_result(body)
    return body


def cached_read(
    namespace: str,
) -> Callable[[Callable[..., Any]], Callable[..., Awaitable[Response[bytes]]]]:
    """Serve a sync read handler from the cache; it must take `request`, `viewer`, `read_cache`.

    The handler keeps its signature and return annotation, so the OpenAPI document is unchanged.
    """

    def decorate(handler: Callable[..., Any]) -> Callable[..., Awaitable[Response[bytes]]]:
        @functools.wraps(handler)
        async def serve(*args: Any, **kwargs: Any) -> Response[bytes]:
            viewer: Viewer | None = kwargs["viewer"]
            audience = "admin" if viewer is not None and viewer.is_admin else "public"
            return await cached_json(
                kwargs["read_cache"],
                kwargs["request"],
                namespace,
                audience,
                functools.partial(handler, *args, **kwargs),
            )

        return serve

    return decorate


def stock_dependencies(
    payload: object, snapshot: Mapping[str, int], *, any_stock: bool = False
) -> Dependencies:
    """The stock versions a computed page depends on: those of the products it shows (any
    object with an `id` and a `stock`, found under the wire's list fields), or every stock move
    when `any_stock` (a page filtered or ordered by stock)."""
    return stock_dependencies_of(set(_product_ids(payload, 0)), snapshot, any_stock=any_stock)


def _field(item: object, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _product_ids(payload: object, depth: int) -> Iterable[int]:
    if depth > 4 or isinstance(payload, str | bytes | int | float | bool) or payload is None:
        return
    if isinstance(payload, list | tuple):
        for item in payload:
            yield from _product_ids(item, depth + 1)
        return
    product_id, stock = _field(payload, "id"), _field(payload, "stock")
    if isinstance(product_id, int) and isinstance(stock, int):
        yield product_id
    for name in ("results", "items", "produit", "produits"):
        nested = _field(payload, name)
        if nested is not None:
            yield from _product_ids(nested, depth + 1)
