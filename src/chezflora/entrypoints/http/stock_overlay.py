"""The stock a cached page shows, and the same page's bytes with other stock levels.

A product on the wire is any object with an integer `id` and an integer `stock`, found at the
top of an answer or under its list fields (`results`, `items`, `produit`, `produits`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import msgspec

from chezflora.application.read_cache import Dependencies, stock_dependencies_of

NESTED = ("results", "items", "produit", "produits")
_decoder = msgspec.json.Decoder()
_encoder = msgspec.json.Encoder()


class StockedPage:
    """A cached answer, the stock levels its bytes show and the stock versions they were
    checked under (`namespaces`: each product's stock namespace, in `ids` order)."""

    __slots__ = ("ids", "namespaces", "state")

    def __init__(
        self, body: bytes, shown: Mapping[int, int], namespaces: Callable[[list[int]], list[str]]
    ) -> None:
        self.ids = sorted(shown)
        self.namespaces = namespaces(self.ids)
        self.state: tuple[list[int] | None, Mapping[int, int], bytes] = (None, shown, body)

    def unmoved(self, versions: list[int]) -> bytes | None:
        """The bytes, when the stock versions are those they were last checked under."""
        checked, _, body = self.state
        return body if checked == versions else None

    def with_levels(self, levels: Mapping[int, int], versions: list[int]) -> bytes:
        """The page showing `levels`, valid under `versions` (products missing from `levels`
        keep the stock shown)."""
        _, shown, body = self.state
        if any(shown.get(pid, level) != level for pid, level in levels.items()):
            shown = {**shown, **levels}
            body = restocked(body, shown)
        self.state = (versions, shown, body)
        return body


def shown_stock(payload: object) -> dict[int, int]:
    """Product id → the stock this payload shows for it."""
    return {_field(item, "id"): _field(item, "stock") for item in _products(payload, 0)}


def restocked(body: bytes, levels: Mapping[int, int]) -> bytes:
    """The same JSON with the products' `stock` set to `levels` (every other byte unchanged:
    msgspec writes back exactly the numbers and strings it read)."""
    document = _decoder.decode(body)
    for item in _products(document, 0):
        level = levels.get(item["id"])
        if level is not None:
            item["stock"] = level
    return _encoder.encode(document)


def stock_dependencies(
    payload: object, snapshot: Mapping[str, int], *, any_stock: bool = False
) -> Dependencies:
    """The stock versions a computed page depends on: those of the products it shows, or every
    stock move when `any_stock` (a page filtered or ordered by stock)."""
    return stock_dependencies_of(set(shown_stock(payload)), snapshot, any_stock=any_stock)


def _field(item: object, name: str) -> Any:
    return item.get(name) if isinstance(item, dict) else getattr(item, name, None)


def _products(payload: object, depth: int) -> Iterator[Any]:
    if depth > 4 or isinstance(payload, str | bytes | int | float | bool) or payload is None:
        return
    if isinstance(payload, list | tuple):
        for item in payload:
            yield from _products(item, depth + 1)
        return
    product_id, stock = _field(payload, "id"), _field(payload, "stock")
    if isinstance(product_id, int) and isinstance(stock, int):
        yield payload
    for name in NESTED:
        nested = _field(payload, name)
        if nested is not None:
            yield from _products(nested, depth + 1)
