"""Serving public reads from the read cache: same bytes for the same path, query and audience."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

from litestar import Request, Response
from litestar.serialization import encode_json

from chezflora.application.fresh_stock import FreshStock
from chezflora.application.identity.authentication import Viewer
from chezflora.application.read_cache import ReadCache, stock_snapshot
from chezflora.entrypoints.http.blocking import in_thread
from chezflora.entrypoints.http.stock_overlay import StockedPage, shown_stock, stock_dependencies


async def cached_json(
    cache: ReadCache,
    request: Request[Any, Any, Any],
    namespace: str,
    audience: str,
    compute: Callable[[], Any],
    stock: FreshStock | None = None,
) -> Response[bytes]:
    """A hit is answered on the event loop; a miss computes in a worker thread.

    `audience` separates what differs by viewer (admins also see inactive products). With
    `stock`, a page showing products stays cached when their stock moves: each hit shows the
    current levels (`FreshStock`: no query while they have not moved). Without it, or when the
    query filters or orders by stock, an entry depends on the stock versions of what it shows.
    """
    query = urlencode(sorted(request.query_params.multi_items()))
    key = f"{audience}|{request.url.path.rstrip('/')}?{query}"
    version = cache.version(namespace)
    entry = cache.get(namespace, key, version)
    if isinstance(entry, bytes):
        body = entry
    elif isinstance(entry, StockedPage) and stock is not None:
        body = await _with_current_stock(entry, stock)
    else:
        flight = (id(cache), namespace, key, version)
        any_stock = "stock" in query
        body = await _computed_once(flight, cache, compute, any_stock, None if any_stock else stock)
    return Response(content=body, media_type="application/json")


# Misses of the same entry at the same moment share one computation instead of stampeding.
_IN_FLIGHT: dict[tuple[int, str, str, int], asyncio.Future[bytes]] = {}
# Hits that find the same products' stock moved share one read of it.
_READING: dict[tuple[int, tuple[int, ...]], asyncio.Future[dict[int, int]]] = {}


async def _with_current_stock(page: StockedPage, stock: FreshStock) -> bytes:
    versions = stock.versions(page.namespaces)
    body = page.unmoved(versions)
    if body is not None:
        return body
    levels = stock.current(page.ids, versions)
    if levels is None:  # read after `versions` were: valid under them
        levels = await _once(_READING, (id(stock), tuple(page.ids)), stock.read, page.ids)
    return page.with_levels(levels, versions)


async def _once(
    flights: dict[Any, asyncio.Future[Any]], flight: Any, work: Callable[..., Any], *args: Any
) -> Any:
    """`work(*args)` in a worker thread, shared by the callers asking for the same `flight`."""
    pending = flights.get(flight)
    if pending is not None:
        return await asyncio.shield(pending)
    future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
    future.add_done_callback(lambda f: f.cancelled() or f.exception())
    flights[flight] = future
    try:
        result = await in_thread(work, *args)
    except BaseException as exc:
        future.set_exception(exc)
        raise
    finally:
        flights.pop(flight, None)
    future.set_result(result)
    return result


async def _computed_once(
    flight: tuple[int, str, str, int],
    cache: ReadCache,
    compute: Callable[[], Any],
    any_stock: bool = False,
    stock: FreshStock | None = None,
) -> bytes:
    def computed() -> bytes:
        snapshot = stock_snapshot(cache)  # before computing: a move meanwhile makes it stale
        payload = compute()
        body = encode_json(payload)
        _, namespace, key, version = flight
        shown = shown_stock(payload) if stock is not None else {}
        if stock is not None and shown:
            stock.learn(shown, snapshot)  # read after the snapshot: valid under its versions
            cache.put(namespace, key, version, StockedPage(body, shown, stock.namespaces))
        else:
            dependencies = stock_dependencies(payload, snapshot, any_stock=any_stock)
            cache.put(namespace, key, version, body, dependencies)
        return body

    body: bytes = await _once(_IN_FLIGHT, flight, computed)
    return body


def cached_read(
    namespace: str,
) -> Callable[[Callable[..., Any]], Callable[..., Awaitable[Response[bytes]]]]:
    """Serve a sync read handler from the cache; it must take `request`, `viewer`, `read_cache`
    and `fresh_stock` (the stock shown is laid over each hit).

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
                kwargs["fresh_stock"],
            )

        return serve

    return decorate
