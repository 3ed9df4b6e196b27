"""Catalogue input rules: names, descriptions, prices, stock, low stock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.catalogue import DEFAULT_LOW_STOCK_THRESHOLD, is_low_stock
from chezflora.domain.catalogue_fields import (
    BLANK,
    NOT_A_NUMBER,
    NOT_AN_INTEGER,
    PRICE_MAX,
    PRICE_NEGATIVE,
    PRICE_TOO_LARGE,
    PRICE_TOO_PRECISE,
    REQUIRED,
    STOCK_MAX,
    STOCK_NEGATIVE,
    STOCK_TOO_LARGE,
    TOO_LONG,
    validate_description,
    validate_name,
    validate_price,
    validate_stock,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money
from tests.strategies import amounts


def field_errors(call: object, *args: object) -> dict[str, list[str]]:
    assert callable(call)
    with pytest.raises(InvalidInput) as caught:
        call(*args)
    return caught.value.fields


# --- nom --------------------------------------------------------------------------------------

names = st.text(min_size=1, max_size=100).map(str.strip).filter(bool)


@given(names)
def test_valid_names_are_kept(nom: str) -> None:
    assert validate_name(nom) == nom


def test_name_is_trimmed() -> None:
    assert validate_name("  Roses rouges \n") == "Roses rouges"


def test_name_may_be_exactly_100_characters() -> None:
    assert validate_name("x" * 100) == "x" * 100


@pytest.mark.parametrize(
    ("raw", "message"),
    [(None, REQUIRED), ("", BLANK), ("   ", BLANK), ("x" * 101, TOO_LONG)],
)
def test_bad_names_are_refused(raw: object, message: str) -> None:
    assert field_errors(validate_name, raw) == {"nom": [message]}


def test_name_must_be_text() -> None:
    assert list(field_errors(validate_name, 12)) == ["nom"]


# --- description ------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [(None, ""), ("", ""), (" Belles ", "Belles")])
def test_description_may_be_empty(raw: object, expected: str) -> None:
    assert validate_description(raw) == expected


def test_description_must_be_text() -> None:
    assert list(field_errors(validate_description, ["x"])) == ["description"]


# --- prix -------------------------------------------------------------------------------------


@given(amounts)
def test_valid_prices_become_money(value: Decimal) -> None:
    assert validate_price(value) == Money(value)
    assert validate_price(str(value)) == Money(value)


@given(st.decimals(max_value=Decimal("-0.01"), places=2, allow_nan=False, allow_infinity=False))
def test_negative_prices_are_refused(value: Decimal) -> None:
    assert field_errors(validate_price, value) == {"prix": [PRICE_NEGATIVE]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (None, REQUIRED),
        ("abc", NOT_A_NUMBER),
        (True, NOT_A_NUMBER),
        ("1e400", PRICE_TOO_LARGE),
        (PRICE_MAX + Decimal("0.01"), PRICE_TOO_LARGE),
        ("10.005", PRICE_TOO_PRECISE),
    ],
)
def test_bad_prices_are_refused(raw: object, message: str) -> None:
    assert field_errors(validate_price, raw) == {"prix": [message]}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (0, "0.00"),
        ("1500", "1500.00"),
        ("10.500", "10.50"),
        (PRICE_MAX, "99999999.99"),
        ("-0", "0.00"),
    ],
)
def test_price_boundaries(raw: object, expected: str) -> None:
    assert validate_price(raw).amount == Decimal(expected)
    assert not validate_price(raw).amount.is_signed()


def test_price_refuses_raw_floats() -> None:
    with pytest.raises(TypeError):
        validate_price(12.5)


# --- stock ------------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=STOCK_MAX))
def test_valid_stock_is_kept(stock: int) -> None:
    assert validate_stock(stock) == stock
    assert validate_stock(str(stock)) == stock


@given(st.integers(max_value=-1))
def test_negative_stock_is_refused(stock: int) -> None:
    assert field_errors(validate_stock, stock) == {"stock": [STOCK_NEGATIVE]}
    assert field_errors(validate_stock, str(stock)) == {"stock": [STOCK_NEGATIVE]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (None, REQUIRED),
        (STOCK_MAX + 1, STOCK_TOO_LARGE),
        ("1.5", NOT_AN_INTEGER),
        ("", NOT_AN_INTEGER),
        ("douze", NOT_AN_INTEGER),
        ("١٢", NOT_AN_INTEGER),
        (True, NOT_AN_INTEGER),
        (3.0, NOT_AN_INTEGER),
        ("9" * 5000, NOT_AN_INTEGER),
    ],
)
def test_bad_stock_is_refused(raw: object, message: str) -> None:
    assert field_errors(validate_stock, raw) == {"stock": [message]}


# --- low stock --------------------------------------------------------------------------------


def test_low_stock_includes_the_threshold() -> None:
    # frontend-contract.md S22 (above original-api.md): "a product with stock ≤ seuil is listed".
    assert is_low_stock(5)
    assert not is_low_stock(6)
    assert DEFAULT_LOW_STOCK_THRESHOLD == 5


@given(st.integers(min_value=0, max_value=1000), st.integers(min_value=0, max_value=1000))
def test_low_stock_follows_the_parameter(stock: int, threshold: int) -> None:
    assert is_low_stock(stock, threshold) == (stock <= threshold)
    assert is_low_stock(threshold, threshold)


def test_ids_beyond_bigint_are_refused_as_input_errors() -> None:
    from chezflora.domain.catalogue_fields import validate_id, validate_ids

    assert validate_id(str(2**63 - 1), "categorie_id") == 2**63 - 1
    with pytest.raises(InvalidInput):
        validate_id(10**30, "categorie_id")
    with pytest.raises(InvalidInput):
        validate_ids([1, 10**30], "promotions")
