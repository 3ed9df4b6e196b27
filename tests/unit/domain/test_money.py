"""Money: exact Decimal arithmetic, one rounding rule (half-up), never a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.money import Money, round_half_up, sum_money, to_decimal
from tests.strategies import raw_decimals, signed_money


@given(signed_money, signed_money)
def test_addition_is_commutative(a: Money, b: Money) -> None:
    assert a + b == b + a


@given(signed_money, signed_money, signed_money)
def test_addition_is_associative(a: Money, b: Money, c: Money) -> None:
    assert (a + b) + c == a + (b + c)


@given(signed_money, signed_money)
def test_subtraction_undoes_addition(a: Money, b: Money) -> None:
    assert a + b - b == a


@given(signed_money)
def test_zero_is_neutral(a: Money) -> None:
    assert a + Money.zero() == a


@given(raw_decimals)
def test_quantising_is_idempotent(value: Decimal) -> None:
    once = round_half_up(value)
    assert round_half_up(once) == once
    assert Money(Money(value).amount) == Money(value)


@given(raw_decimals)
def test_money_always_has_two_places(value: Decimal) -> None:
    assert Money(value).amount.as_tuple().exponent == -2


@given(raw_decimals)
def test_rounding_moves_at_most_half_a_cent(value: Decimal) -> None:
    assert abs(Money(value).amount - value) <= Decimal("0.005")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0.005", "0.01"),
        ("0.015", "0.02"),
        ("0.025", "0.03"),  # banker's rounding would give 0.02
        ("2.675", "2.68"),  # the classic float trap: float(2.675) rounds to 2.67
        ("-0.005", "-0.01"),  # half away from zero
        ("1499.994", "1499.99"),
    ],
)
def test_rounding_is_half_up(raw: str, expected: str) -> None:
    assert Money.of(raw).amount == Decimal(expected)


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_floats_are_refused(value: float) -> None:
    with pytest.raises(TypeError):
        Money.of(value)
    with pytest.raises(TypeError):
        to_decimal(value)


def test_booleans_are_not_amounts() -> None:
    with pytest.raises(TypeError):
        Money.of(True)


@pytest.mark.parametrize("raw", ["abc", "", "NaN", "Infinity", "1,5"])
def test_non_numeric_strings_are_refused(raw: str) -> None:
    with pytest.raises(ValueError):
        Money.of(raw)


def test_money_does_not_mix_with_plain_numbers() -> None:
    with pytest.raises(TypeError):
        Money.of(1) + 1  # type: ignore[operator]
    with pytest.raises(TypeError):
        Money.of(1) * 1.5  # type: ignore[operator]


@given(signed_money, st.integers(min_value=0, max_value=1000))
def test_multiplying_by_a_quantity_is_repeated_addition(a: Money, quantity: int) -> None:
    assert a * quantity == sum_money([a] * quantity)
    assert quantity * a == a * quantity


@given(st.lists(signed_money, max_size=20))
def test_sum_ignores_order(amounts: list[Money]) -> None:
    assert sum_money(amounts) == sum_money(reversed(amounts))
