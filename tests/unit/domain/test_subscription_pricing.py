"""Subscription price per period: multipliers, one half-up rounding, order independence."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.money import Money
from chezflora.domain.subscription_pricing import price_per_period
from chezflora.domain.subscription_schedule import SubscriptionType

MENSUEL = SubscriptionType.MENSUEL
HEBDO = SubscriptionType.HEBDOMADAIRE
ANNUEL = SubscriptionType.ANNUEL

prices = st.decimals(min_value=0, max_value=10**7, places=2).map(Money)
quantities = st.integers(min_value=1, max_value=500)
lines = st.lists(st.tuples(prices, quantities), min_size=1, max_size=8)


@pytest.mark.parametrize(
    ("kind", "basket", "expected"),
    [
        (MENSUEL, [(Money.of(100), 2)], "200.00"),
        (HEBDO, [(Money.of(100), 1)], "400.00"),
        (ANNUEL, [(Money.of(100), 1)], "1080.00"),
        (MENSUEL, [(Money.of("12.50"), 2), (Money.of(3000), 1)], "3025.00"),
    ],
)
def test_reference_prices(
    kind: SubscriptionType, basket: list[tuple[Money, int]], expected: str
) -> None:
    assert price_per_period(kind, basket) == Money.of(expected)


def test_annual_price_rounds_once_at_the_end() -> None:
    # 12 × 0.05 × 0.9 = 0.54; rounding 0.05 × 0.9 = 0.045 first would give 0.60.
    assert price_per_period(ANNUEL, [(Money.of("0.05"), 1)]) == Money.of("0.54")


def test_annual_rounding_is_half_up() -> None:
    # 12 × 0.01 × 0.9 = 0.108 → 0.11; 12 × 0.35 × 0.9 = 3.78 exactly.
    assert price_per_period(ANNUEL, [(Money.of("0.01"), 1)]) == Money.of("0.11")
    assert price_per_period(ANNUEL, [(Money.of("0.35"), 1)]) == Money.of("3.78")


def test_empty_basket_costs_nothing() -> None:
    assert price_per_period(MENSUEL, []) == Money.zero()


@pytest.mark.parametrize("quantity", [0, -1, True])
def test_rejects_non_positive_or_boolean_quantities(quantity: int) -> None:
    with pytest.raises(ValueError):
        price_per_period(MENSUEL, [(Money.of(100), quantity)])


@given(lines)
def test_monthly_price_is_sum_of_lines(basket: list[tuple[Money, int]]) -> None:
    expected = sum((price.amount * qty for price, qty in basket), Decimal(0))
    assert price_per_period(MENSUEL, basket).amount == expected


@given(lines)
def test_weekly_price_is_four_times_monthly(basket: list[tuple[Money, int]]) -> None:
    assert price_per_period(HEBDO, basket) == price_per_period(MENSUEL, basket) * 4


@given(lines)
def test_annual_price_is_twelve_months_less_ten_percent_exactly(
    basket: list[tuple[Money, int]],
) -> None:
    monthly = price_per_period(MENSUEL, basket).amount
    assert price_per_period(ANNUEL, basket) == Money(monthly * 12 * Decimal("0.9"))


@given(st.sampled_from(SubscriptionType), lines, st.data())
def test_price_does_not_depend_on_line_order(
    kind: SubscriptionType, basket: list[tuple[Money, int]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(basket))
    assert price_per_period(kind, shuffled) == price_per_period(kind, basket)


@given(st.sampled_from(SubscriptionType), lines)
def test_price_is_never_negative_and_has_two_places(
    kind: SubscriptionType, basket: list[tuple[Money, int]]
) -> None:
    price = price_per_period(kind, basket)
    assert not price.is_negative()
    assert price.amount.as_tuple().exponent == -2
