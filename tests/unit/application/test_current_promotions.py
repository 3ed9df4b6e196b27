"""Promotions from memory price exactly as the query did, and a catalogue write reloads them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from chezflora.adapters.read_cache import LocalVersions, VersionedReadCache
from chezflora.application.current_promotions import CurrentPromotions
from chezflora.application.pricing import PricedItem, price_all
from chezflora.application.read_cache import CATALOGUE
from chezflora.domain.money import Money
from chezflora.domain.pricing import Promotion
from tests.strategies import category_ids, product_ids, promotion_lists

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


class Table:
    """The promotions table as `SqlCurrentPromotions` reads it: active and not ended."""

    def __init__(self, rows: list[Promotion]) -> None:
        self.rows, self.loads = rows, 0

    def __call__(self, now: datetime) -> list[Promotion]:
        self.loads += 1
        return [p for p in self.rows if p.is_active and p.date_fin >= now]


def wanted(rows: list[Promotion], items: list[PricedItem], now: datetime) -> set[int]:
    """What the SQL `valid_for` answers: valid at `now`, linked to an item or its category."""
    return {
        p.id
        for p in rows
        if p.is_valid_at(now) and any(p.applies_to(i.product_id, i.category_id) for i in items)
    }


def cache(clock: list[float]) -> VersionedReadCache:
    return VersionedReadCache(LocalVersions(), now=lambda: clock[0])


items_lists = st.lists(
    st.builds(
        PricedItem,
        product_ids,
        st.one_of(st.none(), category_ids),
        st.just(Money.of("1000")),
    ),
    max_size=4,
)


@given(
    rows=promotion_lists(near=NOW, max_size=8),
    items=items_lists,
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(milliseconds=999)),
)
def test_from_memory_the_same_promotions_and_prices_as_the_query(rows, items, later):
    # Loaded at NOW, used up to a second later: a promotion starting or ending in between is
    # judged at the instant of use, as the query would have.
    clock = [NOW.timestamp()]
    source = CurrentPromotions(Table(rows), cache(clock))
    source.valid_for(items, NOW)
    at = NOW + later
    clock[0] = at.timestamp()
    found = source.valid_for(items, at)
    assert {p.id for p in found} == wanted(rows, items, at)
    expected = [p for p in rows if p.id in wanted(rows, items, at)]
    assert price_all(items, found, at) == price_all(items, expected, at)


def test_loaded_once_per_catalogue_version_and_again_after_a_write():
    table, clock = Table([]), [NOW.timestamp()]
    store = cache(clock)
    source = CurrentPromotions(table, store)
    rose = [PricedItem(1, None, Money.of("1000"))]
    assert source.valid_for(rose, NOW) == []
    assert source.valid_for(rose, NOW) == []
    assert table.loads == 1
    table.rows = [
        Promotion(
            1,
            "Fête des mères",
            Decimal("0.2"),
            NOW - timedelta(days=1),
            NOW + timedelta(days=1),
            produit_ids=frozenset({1}),
        )
    ]
    store.invalidate({CATALOGUE})  # what a committed write to promotions does
    assert [p.id for p in source.valid_for(rose, NOW)] == [1]
    assert table.loads == 2


def test_an_entry_lives_at_most_a_second_even_without_a_version_move():
    table, clock = Table([]), [NOW.timestamp()]
    source = CurrentPromotions(table, cache(clock))
    rose = [PricedItem(1, None, Money.of("1000"))]
    source.valid_for(rose, NOW)
    clock[0] += 1.0
    source.valid_for(rose, NOW + timedelta(seconds=1))
    assert table.loads == 2
