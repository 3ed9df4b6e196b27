"""Serving public reads from the read cache: same bytes for the same path, query and audience."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from litestar import Request, Response
from litestar.serialization import encode_json

from chezflora.adapters.read_cache import ReadCache
from chezflora.application.identity.authentication import Viewer


async def cached_json(
    cache: ReadCache,
    request: Request[Any, Any, Any],
    namespace: str,
    audience: str,
    compute: Callable[[], Any],
) -> Response[bytes]:
    """A hit is answered on the event loop; a miss computes in a worker thread.

    `audience` separates what differs by viewer (admins also see inactive products).
    """
    query = urlencode(sorted(request.query_params.multi_items()))
    key = f"{audience}|{request.url.path.rstrip('/')}?{query}"
    version = cache.version(namespace)
    body = cache.get(namespace, key, version)
    if body is None:
        body = encode_json(await anyio.to_thread.run_sync(compute))
        cache.put(namespace, key, version, body)
    return Response(content=body, media_type="application/json")


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
