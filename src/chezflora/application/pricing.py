"""Pricing many products at once with the one rule of `domain.pricing` (shown == charged)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from chezflora.domain.money import Money
from chezflora.domain.pricing import PriceQuote, Promotion, effective_price


@dataclass(frozen=True, slots=True)
class PricedItem:
    """What pricing needs to know of a product."""

    product_id: int
    category_id: int | None
    base: Money


class PromotionSource(Protocol):
    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        """Promotions valid at `now` linked to one of the products or to one of their categories."""
        ...


def price_all(
    items: Iterable[PricedItem], promotions: Sequence[Promotion], now: datetime
) -> dict[int, PriceQuote]:
    """The pricing step every shown and charged price goes through: the pure rule per product,
    among `promotions` (candidates; the rule itself checks their validity at `now`)."""
    return {
        item.product_id: effective_price(
            item.base, item.product_id, item.category_id, promotions, now
        )
        for item in items
    }


def quote_all(
    items: Iterable[PricedItem], source: PromotionSource, now: datetime
) -> dict[int, PriceQuote]:
    """One promotion query for the whole set, then `price_all`."""
    items = list(items)
    return price_all(items, source.valid_for(items, now), now)
