"""Cache versions pushed through Redis: no round trip per cached read, and every process sees a
write within the freshness promise (1 s), even when a published message is lost."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from redis import Redis

from chezflora.adapters.read_cache import CHANNEL, PREFIX, RedisVersions
from tests.integration.conftest import IN_CI, REDIS_URL, redis_reachable


@pytest.fixture
def redis_url() -> str:
    if not redis_reachable():
        if IN_CI:
            pytest.fail(f"Redis is required under CI=true but {REDIS_URL} is not reachable")
        pytest.skip(f"Redis not reachable on {REDIS_URL}")
    Redis.from_url(REDIS_URL).flushdb()
    return REDIS_URL


@pytest.fixture
def two_processes(redis_url: str) -> Iterator[tuple[RedisVersions, RedisVersions]]:
    first = RedisVersions(Redis.from_url(redis_url), known={"catalogue"})
    second = RedisVersions(Redis.from_url(redis_url), known={"catalogue"})
    yield first, second
    first.close()
    second.close()


def _until(predicate, limit: float = 1.0) -> float:
    start = time.monotonic()
    while not predicate():
        assert time.monotonic() - start < limit, "not seen within the freshness promise"
        time.sleep(0.005)
    return time.monotonic() - start


def test_a_bump_in_one_process_reaches_the_other_at_once(two_processes):
    first, second = two_processes
    _until(lambda: first.pushed and second.pushed)
    before = second.current("catalogue")
    first.bump_all({"catalogue", "stock:3"})
    assert first.current("catalogue") == before + 1  # its own write: at once
    took = _until(lambda: second.current("catalogue") == before + 1)
    assert took < 0.5
    _until(lambda: second.current("stock:3") == first.current("stock:3"))


def test_reads_answer_from_the_pushed_copy_without_asking_redis(two_processes):
    _, second = two_processes
    _until(lambda: second.pushed)
    second.current("catalogue")

    asked: list[str] = []
    mget = second._client.mget

    def counted(*args, **kwargs):
        if threading.current_thread().name != "cache-versions":  # the listener may resync
            asked.append("mget")
        return mget(*args, **kwargs)

    second._client.mget = counted  # type: ignore[method-assign]
    for _ in range(1000):
        second.current("catalogue")
    assert asked == []


def test_a_lost_message_is_caught_up_by_the_periodic_resync(two_processes, redis_url):
    _, second = two_processes
    _until(lambda: second.pushed)
    before = second.current("catalogue")
    Redis.from_url(redis_url).incr(PREFIX + "catalogue")  # a bump whose message never came
    took = _until(lambda: second.current("catalogue") == before + 1)
    assert took <= 1.0


def test_without_a_live_listener_versions_are_asked_from_redis(redis_url):
    silent = RedisVersions(Redis.from_url(redis_url), listen=False)
    assert not silent.pushed
    Redis.from_url(redis_url).set(PREFIX + "catalogue", 41)
    assert silent.current("catalogue") == 41
    Redis.from_url(redis_url).incr(PREFIX + "catalogue")
    assert silent.current("catalogue") == 42


def test_a_stock_move_in_one_process_shows_on_the_other_process_cached_page(redis_url):
    import asyncio
    from types import SimpleNamespace

    import msgspec
    from litestar.datastructures import MultiDict

    from chezflora.adapters.read_cache import VersionedReadCache
    from chezflora.application.fresh_stock import FreshStock
    from chezflora.application.read_cache import STOCK, stock_namespace
    from chezflora.entrypoints.http.cached import cached_json

    table = {1: 5, 2: 9}  # the products table both processes read

    class Levels:
        def stock_of(self, product_ids: list[int]) -> dict[int, int]:
            return {p: table[p] for p in product_ids}

    reader = VersionedReadCache(RedisVersions(Redis.from_url(redis_url)), ttl=60)
    writer = VersionedReadCache(RedisVersions(Redis.from_url(redis_url)), ttl=60)
    stock = FreshStock(reader, Levels())
    page = {"results": [{"id": pid, "stock": level} for pid, level in table.items()]}
    request = SimpleNamespace(query_params=MultiDict(), url=SimpleNamespace(path="/api/produits/"))

    def shown() -> list[int]:
        response = asyncio.run(
            cached_json(reader, request, "catalogue", "public", lambda: page, stock)
        )
        return [p["stock"] for p in msgspec.json.decode(response.content)["results"]]

    try:
        assert shown() == [5, 9]
        table[1] = 4  # a checkout in the other process commits, then bumps its product's stock
        writer.invalidate({STOCK, stock_namespace(1)})
        took = _until(lambda: shown() == [4, 9])
        assert took < 0.5
    finally:
        reader.close()
        writer.close()


def test_a_bump_of_several_namespaces_is_one_message(redis_url):
    listener = Redis.from_url(redis_url).pubsub(ignore_subscribe_messages=True)
    listener.subscribe(CHANNEL)
    writer = RedisVersions(Redis.from_url(redis_url), listen=False)
    try:
        writer.bump_all({"carts:7", "stock", "stock:2"})
        messages = []
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline and not messages:
            message = listener.get_message(timeout=0.1)
            if message is not None:
                messages.append(message["data"].decode())
        assert messages == ["carts:7=1 stock=1 stock:2=1"]
    finally:
        listener.close()
        writer.close()


def test_an_entry_asked_to_last_outlives_the_ttl_but_not_a_write_in_another_process(redis_url):
    from chezflora.adapters.read_cache import VersionedReadCache

    clock = [0.0]
    here = VersionedReadCache(
        RedisVersions(Redis.from_url(redis_url), known={"accounts"}), ttl=1.0, now=lambda: clock[0]
    )
    there = VersionedReadCache(RedisVersions(Redis.from_url(redis_url), listen=False), ttl=1.0)
    try:
        here.put("accounts", "token", here.version("accounts"), "checked", lasting=300)
        here.put("accounts", "short", here.version("accounts"), "checked")
        clock[0] = 299.0
        assert here.get("accounts", "token", here.version("accounts")) == "checked"
        assert here.get("accounts", "short", here.version("accounts")) is None
        there.invalidate({"accounts"})  # an account changed in the other process
        _until(lambda: here.get("accounts", "token", here.version("accounts")) is None)
        clock[0] = 0.0
        here.put("accounts", "token", here.version("accounts"), "checked", lasting=300)
        clock[0] = 300.0
        assert here.get("accounts", "token", here.version("accounts")) is None
    finally:
        here.close()
        there.close()
