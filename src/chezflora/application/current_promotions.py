"""The `PromotionSource` port from memory: every promotion that can still apply, read once per
catalogue version.

Pricing a cart line or a checkout needs the promotions of a few products. Instead of asking the
database each time, the promotions that are active and not yet ended are kept in the read cache
under the catalogue's version: a committed write to promotions (or their product links) bumps
that version in every process, and an entry lives at most the cache's lifetime (1 s) anyway.
Validity at `now` is decided here, at use, so a promotion starting or ending between two loads
is priced right to the second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from chezflora.application.pricing import PricedItem
from chezflora.application.read_cache import CATALOGUE, ReadCache
from chezflora.domain.pricing import Promotion

# Every promotion active and not ended at a given instant (starting later included).
LoadCurrent = Callable[[datetime], list[Promotion]]
_KEY = "promotions:current"


class CurrentPromotions:
    def __init__(self, load_current: LoadCurrent, cache: ReadCache) -> None:
        self._load, self._cache = load_current, cache

    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        items = list(items)
        return [
            promotion
            for promotion in self._current(now)
            if promotion.is_valid_at(now)
            and any(promotion.applies_to(i.product_id, i.category_id) for i in items)
        ]

    def _current(self, now: datetime) -> tuple[Promotion, ...]:
        version = self._cache.version(CATALOGUE)
        found = self._cache.get(CATALOGUE, _KEY, version)
        if isinstance(found, tuple):
            return found
        # Read after the version: a write committed meanwhile leaves this entry already stale.
        loaded = tuple(self._load(now))
        self._cache.put(CATALOGUE, _KEY, version, loaded)
        return loaded
