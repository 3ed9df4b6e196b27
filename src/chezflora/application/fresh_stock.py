"""Fresh stock for cached pages: a cached page keeps its products, their stock is laid over it.

Stock moves at every checkout. Rather than making stale every cached page that shows a product
whose stock moved, a page is kept and the stock it shows is checked on each hit against this
process's copy of the stock levels. Each level is remembered with the version of its product's
stock namespace (`stock_namespace`) it was read under; a stock move bumps that version after its
commit (in every process), so a level whose version moved is read again, in one small query for
the products of the page. Versions are read before the levels: a move meanwhile only makes the
copy stale sooner, never serves an older level as current.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from chezflora.application.read_cache import ReadCache, stock_namespace


class StockLevels(Protocol):
    def stock_of(self, product_ids: list[int]) -> dict[int, int]:
        """The stock of these products now (a missing id is a product that no longer exists)."""
        ...


class FreshStock:
    """Stock levels per product, each valid while its stock version has not moved."""

    def __init__(self, cache: ReadCache, levels: StockLevels, max_products: int = 200_000):
        self._cache, self._levels, self._max = cache, levels, max_products
        self._known: dict[int, tuple[int, int]] = {}  # product id → (stock version, stock)

    def namespaces(self, product_ids: list[int]) -> list[str]:
        return [stock_namespace(pid) for pid in product_ids]

    def versions(self, namespaces: list[str]) -> list[int]:
        """The current stock versions of these namespaces (`namespaces(ids)`)."""
        return self._cache.versions(namespaces)

    def current(self, product_ids: list[int], versions: list[int]) -> dict[int, int] | None:
        """The levels known under these current versions, without a query; None when one must
        be read again."""
        known = self._known
        levels: dict[int, int] = {}
        for pid, version in zip(product_ids, versions, strict=True):
            entry = known.get(pid)
            if entry is None or entry[0] != version:
                return None
            levels[pid] = entry[1]
        return levels

    def learn(self, levels: Mapping[int, int], versions: Mapping[str, int]) -> None:
        """Levels read after `versions` were (e.g. by a page computed after a stock snapshot)."""
        self._remember(
            (pid, versions[name], stock)
            for pid, stock in levels.items()
            if (name := stock_namespace(pid)) in versions
        )

    def read(self, product_ids: list[int]) -> dict[int, int]:
        """Read the levels now (one query), remembered under the versions read before them."""
        versions = self.versions(self.namespaces(product_ids))
        levels = self._levels.stock_of(product_ids)
        self._remember(
            (pid, version, levels[pid])
            for pid, version in zip(product_ids, versions, strict=True)
            if pid in levels
        )
        return levels

    def _remember(self, entries: Iterable[tuple[int, int, int]]) -> None:
        if len(self._known) > self._max:
            self._known = {}
        known = self._known
        for pid, version, stock in entries:
            known[pid] = (version, stock)
