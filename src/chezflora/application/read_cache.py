"""The read cache port: computed answers kept per versioned namespace (adapters/read_cache.py).

A write bumps the namespaces it made stale; a reader asks the current version first and gets an
entry only if it was stored under that version (and, for each dependency, that version still
holds). Namespaces are named here, so writers (repositories) and readers (HTTP) agree:
`cart_namespace` for a group of clients' carts, `stock_namespace` for a group of products' stock,
`STOCK` for any stock move.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

# Products, categories, promotions, photos and parameters (tables named in the composition root).
CATALOGUE = "catalogue"
STOCK = "stock"
STOCK_SHARDS = 128
CART_SHARDS = 64
# (namespace, version) pairs an entry was computed from: a move of any of them makes it stale.
Dependencies = tuple[tuple[str, int], ...]


class ReadCache(Protocol):
    def version(self, namespace: str) -> int: ...

    def versions(self, namespaces: list[str]) -> list[int]: ...

    def get(self, namespace: str, key: str, version: object) -> object | None:
        """The entry stored under this version, if still fresh and its dependencies unmoved."""
        ...

    def put(
        self,
        namespace: str,
        key: str,
        version: object,
        value: object,
        dependencies: Dependencies = (),
        *,
        lasting: float | None = None,
    ) -> None:
        """Store an entry. It lives the cache's short TTL, or up to `lasting` seconds when every
        change of the value bumps its namespace and the versions are shared by every process
        (nothing then goes stale unannounced)."""
        ...

    def invalidate(self, namespaces: set[str]) -> None:
        """Bump these namespaces (in every process sharing the cache)."""
        ...

    def close(self) -> None: ...


def stock_namespace(product_id: int) -> str:
    return f"{STOCK}:{product_id % STOCK_SHARDS}"


def cart_namespace(client_id: int) -> str:
    """Carts are invalidated per group of clients, not all at once."""
    return f"carts:{client_id % CART_SHARDS}"


def stock_snapshot(cache: ReadCache) -> dict[str, int]:
    """Every stock version, read before a computation (so a move during it makes it stale)."""
    names = [STOCK, *(f"{STOCK}:{shard}" for shard in range(STOCK_SHARDS))]
    return dict(zip(names, cache.versions(names), strict=True))


def stock_dependencies_of(
    product_ids: set[int], snapshot: Mapping[str, int], *, any_stock: bool = False
) -> Dependencies:
    """The stock versions an answer showing these products depends on; every stock move when
    `any_stock` (an answer filtered or ordered by stock)."""
    if any_stock:
        return ((STOCK, snapshot[STOCK]),)
    shards = sorted({stock_namespace(pid) for pid in product_ids})
    return tuple((name, snapshot[name]) for name in shards)
