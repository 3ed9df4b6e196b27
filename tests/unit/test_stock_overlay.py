"""Cached pages with the stock laid over them: exact levels, the same bytes otherwise, and a
query only when a shown product's stock version moved."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import msgspec
from litestar.datastructures import MultiDict
from litestar.serialization import encode_json

from chezflora.adapters.read_cache import LocalVersions, VersionedReadCache
from chezflora.application.fresh_stock import FreshStock
from chezflora.application.read_cache import stock_namespace
from chezflora.entrypoints.http.cached import cached_json
from chezflora.entrypoints.http.stock_overlay import StockedPage, restocked, shown_stock


class Product(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    prix: float
    stock: int


PAGE = {
    "count": 2,
    "results": [
        Product(id=1, nom="Rosé « été »\u2028", prix=1000.5, stock=5),
        Product(id=2, nom='Tulipe "rouge"', prix=0.1, stock=0),
    ],
}


class Levels:
    """The stock table: counts the queries made."""

    def __init__(self, levels: dict[int, int]) -> None:
        self.levels, self.queries = levels, 0

    def stock_of(self, product_ids: list[int]) -> dict[int, int]:
        self.queries += 1
        return {p: self.levels[p] for p in product_ids if p in self.levels}


def test_a_page_shows_the_stock_of_each_product_it_lists():
    assert shown_stock(PAGE) == {1: 5, 2: 0}
    cart = {"id": 9, "items": [{"id": 3, "produit": {"id": 1, "stock": 5}, "quantite": 2}]}
    assert shown_stock(cart) == {1: 5}


def test_relaying_the_stock_changes_only_the_stock():
    body = encode_json(PAGE)
    assert restocked(body, {1: 5, 2: 0}) == body
    moved = restocked(body, {1: 4})
    expected = {
        **PAGE,
        "results": [msgspec.structs.replace(PAGE["results"][0], stock=4), PAGE["results"][1]],
    }
    assert moved == encode_json(expected)


def test_a_stocked_page_keeps_its_bytes_until_a_level_differs():
    body = encode_json(PAGE)
    page = StockedPage(body, {1: 5, 2: 0}, lambda ids: [f"stock:{i}" for i in ids])
    assert page.namespaces == ["stock:1", "stock:2"]
    assert page.unmoved([0, 0]) is None  # never checked yet
    assert page.with_levels({1: 5, 2: 0}, [0, 0]) is body
    assert page.unmoved([0, 0]) is body
    assert page.unmoved([0, 1]) is None
    assert msgspec.json.decode(page.with_levels({2: 7}, [0, 1]))["results"][1]["stock"] == 7
    assert msgspec.json.decode(page.with_levels({1: 5}, [0, 1]))["results"][1]["stock"] == 7


def test_levels_are_read_again_only_after_their_version_moved():
    cache = VersionedReadCache(LocalVersions(), ttl=60)
    table = Levels({1: 5, 2: 0})
    stock = FreshStock(cache, table)

    def current(ids: list[int]) -> dict[int, int] | None:
        return stock.current(ids, stock.versions(stock.namespaces(ids)))

    assert current([1, 2]) is None
    assert stock.read([1, 2]) == {1: 5, 2: 0}
    assert current([1, 2]) == {1: 5, 2: 0}
    table.levels[1] = 4
    cache.invalidate({stock_namespace(1)})  # the checkout's commit bumps its product's stock
    assert current([1, 2]) is None
    assert stock.read([1, 2]) == {1: 4, 2: 0}
    assert current([2]) == {2: 0}
    assert table.queries == 2


def _request() -> SimpleNamespace:
    return SimpleNamespace(query_params=MultiDict(), url=SimpleNamespace(path="/api/produits/"))


def test_a_cached_page_stays_cached_and_shows_the_stock_after_a_move():
    cache = VersionedReadCache(LocalVersions(), ttl=60)
    table = Levels({1: 5, 2: 0})
    stock = FreshStock(cache, table)
    computed: list[int] = []

    def compute() -> object:
        computed.append(1)
        return PAGE

    async def read() -> dict[str, object]:
        response = await cached_json(cache, _request(), "catalogue", "public", compute, stock)
        return dict(msgspec.json.decode(response.content))

    first = asyncio.run(read())
    assert [p["stock"] for p in first["results"]] == [5, 0]
    assert table.queries == 0  # the computed page taught the levels it read
    table.levels[1] = 3
    cache.invalidate({"stock", stock_namespace(1)})
    moved = asyncio.run(read())
    assert [p["stock"] for p in moved["results"]] == [3, 0]
    assert {k: v for k, v in moved.items() if k != "results"} == {"count": 2}
    assert asyncio.run(read()) == moved
    assert computed == [1]  # never computed again
    assert table.queries == 1  # and one stock query for the move
