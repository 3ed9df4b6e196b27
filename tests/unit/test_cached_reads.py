"""Cached public reads: concurrent misses of one entry compute once; errors reach every waiter."""

from __future__ import annotations

import asyncio
import threading
import time
from types import SimpleNamespace

import pytest
from litestar.datastructures import MultiDict

from chezflora.adapters.read_cache import LocalVersions, VersionedReadCache
from chezflora.domain.errors import NotFound
from chezflora.entrypoints.http.cached import cached_json


def _request(path: str = "/api/produits/") -> SimpleNamespace:
    return SimpleNamespace(query_params=MultiDict([("page", "1")]), url=SimpleNamespace(path=path))


def test_concurrent_misses_share_one_computation():
    cache = VersionedReadCache(LocalVersions(), ttl=60)
    calls: list[int] = []
    lock = threading.Lock()

    def compute() -> dict[str, int]:
        with lock:
            calls.append(1)
        time.sleep(0.05)
        return {"count": 3}

    async def scenario() -> list[bytes]:
        responses = await asyncio.gather(
            *(cached_json(cache, _request(), "catalogue", "public", compute) for _ in range(10))
        )
        return [r.content for r in responses]

    bodies = asyncio.run(scenario())
    assert calls == [1]
    assert set(bodies) == {b'{"count":3}'}


def test_a_failing_computation_fails_every_waiter_and_is_not_cached():
    cache = VersionedReadCache(LocalVersions(), ttl=60)

    def compute() -> dict[str, int]:
        time.sleep(0.02)
        raise NotFound("Produit non trouvé")

    async def scenario() -> list[BaseException | object]:
        return await asyncio.gather(
            *(cached_json(cache, _request(), "catalogue", "public", compute) for _ in range(3)),
            return_exceptions=True,
        )

    results = asyncio.run(scenario())
    assert all(isinstance(r, NotFound) for r in results)
    with pytest.raises(NotFound):
        asyncio.run(cached_json(cache, _request(), "catalogue", "public", compute))  # type: ignore[arg-type]
