"""The read cache never serves an entry older than the last write, nor older than its TTL."""

from chezflora.adapters.read_cache import LocalVersions, VersionedReadCache


def test_an_entry_is_served_until_its_namespace_is_written():
    cache = VersionedReadCache(LocalVersions(), ttl=60)
    version = cache.version("catalogue")
    cache.put("catalogue", "/api/produits/", version, b"[1]")
    assert cache.get("catalogue", "/api/produits/", cache.version("catalogue")) == b"[1]"
    cache.invalidate({"catalogue"})
    assert cache.get("catalogue", "/api/produits/", cache.version("catalogue")) is None


def test_entries_expire_after_the_ttl():
    clock = [0.0]
    cache = VersionedReadCache(LocalVersions(), ttl=1.0, now=lambda: clock[0])
    cache.put("catalogue", "k", 0, b"x")
    clock[0] = 0.99
    assert cache.get("catalogue", "k", 0) == b"x"
    clock[0] = 1.0
    assert cache.get("catalogue", "k", 0) is None


def test_the_oldest_entries_go_first_when_full():
    cache = VersionedReadCache(LocalVersions(), ttl=60, max_entries=2)
    for key in ("a", "b", "c"):
        cache.put("n", key, 0, key.encode())
    assert cache.get("n", "a", 0) is None
    assert cache.get("n", "c", 0) == b"c"


def test_an_entry_is_stale_only_when_the_stock_of_a_product_it_shows_moves():
    from chezflora.application.read_cache import stock_namespace, stock_snapshot
    from chezflora.entrypoints.http.cached import stock_dependencies

    cache = VersionedReadCache(LocalVersions(), ttl=60)
    page = {"results": [{"id": 1, "stock": 5}, {"id": 2, "stock": 0}]}
    snapshot = stock_snapshot(cache)
    cache.put("catalogue", "list", 0, b"page", stock_dependencies(page, snapshot))
    cache.put("catalogue", "sorted", 0, b"page", stock_dependencies(page, snapshot, any_stock=True))
    other = next(
        p
        for p in range(3, 500)
        if stock_namespace(p) not in {stock_namespace(1), stock_namespace(2)}
    )
    cache.invalidate({"stock", stock_namespace(other)})  # someone bought another product
    assert cache.get("catalogue", "list", 0) == b"page"
    assert cache.get("catalogue", "sorted", 0) is None  # ordered/filtered by stock
    cache.invalidate({"stock", stock_namespace(2)})
    assert cache.get("catalogue", "list", 0) is None


def test_an_entry_asked_to_last_keeps_the_short_ttl_when_versions_are_this_process_own():
    # Another process's write would not bump these versions: only the TTL bounds staleness.
    clock = [0.0]
    cache = VersionedReadCache(LocalVersions(), ttl=1.0, now=lambda: clock[0])
    cache.put("accounts", "token", 0, "viewer", lasting=300)
    clock[0] = 0.99
    assert cache.get("accounts", "token", 0) == "viewer"
    clock[0] = 1.0
    assert cache.get("accounts", "token", 0) is None
