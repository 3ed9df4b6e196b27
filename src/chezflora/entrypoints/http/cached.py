"""Serving public reads from the read cache: same bytes for the same path, query and audience."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from litestar import Request, Response
from litestar.serialization import encode_json

from chezflora.adapters.read_cache import ReadCache, stock_dependencies, stock_snapshot
from chezflora.application.identity.authentication import Viewer


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
    """Serve a sync read handler from the cache; it must take `request`, `viewer`, `container`.

    The handler keeps its signature and return annotation, so the OpenAPI document is unchanged.
    """

    def decorate(handler: Callable[..., Any]) -> Callable[..., Awaitable[Response[bytes]]]:
        @functools.wraps(handler)
        async def serve(*args: Any, **kwargs: Any) -> Response[bytes]:
            viewer: Viewer | None = kwargs["viewer"]
            audience = "admin" if viewer is not None and viewer.is_admin else "public"
            return await cached_json(
                kwargs["container"].read_cache,
                kwargs["request"],
                namespace,
                audience,
                functools.partial(handler, *args, **kwargs),
            )

        return serve

    return decorate
