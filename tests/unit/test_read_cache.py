"""The read cache never serves an entry older than the last write, nor older than its TTL."""

from chezflora.adapters.read_cache import LocalVersions, ReadCache


def test_an_entry_is_served_until_its_namespace_is_written():
    cache = ReadCache(LocalVersions(), ttl=60)
    version = cache.version("catalogue")
    cache.put("catalogue", "/api/produits/", version, b"[1]")
    assert cache.get("catalogue", "/api/produits/", cache.version("catalogue")) == b"[1]"
    cache.invalidate({"catalogue"})
    assert cache.get("catalogue", "/api/produits/", cache.version("catalogue")) is None


def test_entries_expire_after_the_ttl():
    clock = [0.0]
    cache = ReadCache(LocalVersions(), ttl=1.0, now=lambda: clock[0])
    cache.put("catalogue", "k", 0, b"x")
    clock[0] = 0.99
    assert cache.get("catalogue", "k", 0) == b"x"
    clock[0] = 1.0
    assert cache.get("catalogue", "k", 0) is None


def test_the_oldest_entries_go_first_when_full():
    cache = ReadCache(LocalVersions(), ttl=60, max_entries=2)
    for key in ("a", "b", "c"):
        cache.put("n", key, 0, key.encode())
    assert cache.get("n", "a", 0) is None
    assert cache.get("n", "c", 0) == b"c"
