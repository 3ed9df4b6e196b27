"""Serving public reads from the read cache: same bytes for the same path, query and audience."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import anyio.to_thread
from litestar import Request, Response
from litestar.serialization import encode_json

from chezflora.adapters.read_cache import ReadCache


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
