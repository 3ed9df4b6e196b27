"""One price rule everywhere: best single valid promotion, half-up, current category."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money, round_half_up, sum_money
from chezflora.domain.pricing import (
    PERIOD_REVERSED,
    REDUCTION_OUT_OF_RANGE,
    Promotion,
    best_promotion,
    effective_price,
    validate_period,
    validate_reduction,
)
from tests.strategies import (
    aware_datetimes,
    category_ids,
    money,
    positive_durations,
    product_ids,
    promotion_lists,
    promotions,
    reductions,
)

NOW = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
ONE_MICROSECOND = timedelta(microseconds=1)
ROSE = 1
BOUQUETS, PLANTES = 10, 20


def promo(
    id: int = 1,
    reduction: str = "0.2",
    *,
    debut: datetime = NOW - timedelta(days=1),
    fin: datetime = NOW + timedelta(days=1),
    is_active: bool = True,
    categorie_id: int | None = None,
    produit_ids: frozenset[int] = frozenset({ROSE}),
) -> Promotion:
    return Promotion(
        id=id,
        nom=f"Promo {id}",
        reduction=Decimal(reduction),
        date_debut=debut,
        date_fin=fin,
        is_active=is_active,
        categorie_id=categorie_id,
        produit_ids=produit_ids,
    )


def price(base: str, promos: list[Promotion], category_id: int | None = BOUQUETS) -> Money:
    return effective_price(Money.of(base), ROSE, category_id, promos, NOW).effective


# --- examples from the specification ----------------------------------------------------------


def test_promotions_do_not_stack() -> None:
    # original-api.md §7.1: 20 % + 10 % on 100 showed 72.0 but charged 80.00; now 80 everywhere.
    assert price("100", [promo(1, "0.2"), promo(2, "0.1")]) == Money.of("80.00")


def test_effective_price_rounds_half_up() -> None:
    assert price("1.05", [promo(reduction="0.5")]) == Money.of("0.53")


def test_without_promotion_the_price_is_the_base_price() -> None:
    quote = effective_price(Money.of("1500"), ROSE, BOUQUETS, [], NOW)
    assert quote.effective == quote.base == Money.of("1500.00")
    assert quote.promotion is None


def test_quote_names_the_applied_promotion() -> None:
    small, big = promo(1, "0.1"), promo(2, "0.3")
    quote = effective_price(Money.of("1000"), ROSE, BOUQUETS, [small, big], NOW)
    assert quote.promotion == big
    assert quote.effective == Money.of("700.00")


def test_equal_reductions_pick_the_lowest_id() -> None:
    assert best_promotion(ROSE, BOUQUETS, [promo(7), promo(3), promo(5)], NOW) == promo(3)


def test_full_reduction_makes_the_product_free() -> None:
    assert price("2500", [promo(reduction="1")]) == Money.zero()


def test_negative_base_price_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        effective_price(Money.of("-1"), ROSE, BOUQUETS, [], NOW)


# --- validity window --------------------------------------------------------------------------


@given(aware_datetimes, positive_durations)
def test_bounds_are_inclusive(debut: datetime, length: timedelta) -> None:
    p = promo(debut=debut, fin=debut + length)
    assert p.is_valid_at(debut)
    assert p.is_valid_at(debut + length)
    assert not p.is_valid_at(debut - ONE_MICROSECOND)
    assert not p.is_valid_at(debut + length + ONE_MICROSECOND)


def test_price_changes_exactly_at_the_bounds() -> None:
    p = promo(debut=NOW, fin=NOW + timedelta(hours=2))
    at = [NOW - ONE_MICROSECOND, NOW, NOW + timedelta(hours=2), p.date_fin + ONE_MICROSECOND]
    prices = [effective_price(Money.of("100"), ROSE, None, [p], t).effective for t in at]
    assert prices == [Money.of("100"), Money.of("80"), Money.of("80"), Money.of("100")]


def test_inactive_promotion_is_never_valid() -> None:
    assert not promo(is_active=False).is_valid_at(NOW)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError):
        promo(debut=datetime(2024, 1, 1))


# --- which products a promotion reaches -------------------------------------------------------


def test_linked_product_is_reached_whatever_its_category() -> None:
    p = promo(categorie_id=PLANTES, produit_ids=frozenset({ROSE}))
    assert p.applies_to(ROSE, BOUQUETS)
    assert not p.applies_to(2, BOUQUETS)


@given(reductions.filter(lambda r: r > 0), product_ids, money.filter(lambda m: m.amount >= 1))
def test_category_promotion_reaches_products_added_later(
    reduction: Decimal, product_id: int, base: Money
) -> None:
    # The promotion was created when the product sat elsewhere: no snapshot holds it.
    p = promo(reduction=str(reduction), categorie_id=PLANTES, produit_ids=frozenset())
    before = effective_price(base, product_id, BOUQUETS, [p], NOW)
    after_move = effective_price(base, product_id, PLANTES, [p], NOW)
    assert before.effective == base and before.promotion is None
    assert after_move.promotion == p
    assert after_move.effective == Money(round_half_up(base.amount * (1 - reduction)))


def test_promotion_without_category_reaches_only_its_linked_products() -> None:
    p = promo(categorie_id=None, produit_ids=frozenset({ROSE}))
    assert not p.applies_to(2, None)
    assert not p.applies_to(2, BOUQUETS)


def test_product_leaving_the_category_loses_the_promotion() -> None:
    p = promo(categorie_id=PLANTES, produit_ids=frozenset())
    assert price("100", [p], category_id=PLANTES) == Money.of("80")
    assert price("100", [p], category_id=BOUQUETS) == Money.of("100")
    assert price("100", [p], category_id=None) == Money.of("100")


# --- properties of the one rule ---------------------------------------------------------------

# Periods drawn around NOW, so that roughly half the promotions are valid when we price.
promos_near_now = promotion_lists(near=NOW)
some_category = st.none() | category_ids


@given(money, product_ids, some_category, promos_near_now)
def test_effective_price_is_between_zero_and_base(
    base: Money, pid: int, cid: int | None, promos: list[Promotion]
) -> None:
    quote = effective_price(base, pid, cid, promos, NOW)
    assert Money.zero() <= quote.effective <= base
    assert quote.base == base


@given(money, product_ids, some_category, promos_near_now)
def test_best_single_promotion_wins(
    base: Money, pid: int, cid: int | None, promos: list[Promotion]
) -> None:
    applicable = [p for p in promos if p.is_valid_at(NOW) and p.applies_to(pid, cid)]
    quote = effective_price(base, pid, cid, promos, NOW)
    if not applicable:
        assert quote.effective == base and quote.promotion is None
        return
    best = max(p.reduction for p in applicable)
    assert quote.promotion is not None
    assert quote.promotion.reduction == best
    assert quote.promotion.id == min(p.id for p in applicable if p.reduction == best)
    assert quote.effective == Money(round_half_up(base.amount * (1 - best)))


@given(money, product_ids, some_category, promos_near_now, promotions(near=NOW))
def test_adding_a_promotion_never_raises_a_price(
    base: Money, pid: int, cid: int | None, promos: list[Promotion], extra: Promotion
) -> None:
    assume(extra.id not in {p.id for p in promos})
    without = effective_price(base, pid, cid, promos, NOW).effective
    with_extra = effective_price(base, pid, cid, [*promos, extra], NOW).effective
    assert with_extra <= without


@given(
    money,
    product_ids,
    some_category,
    promos_near_now,
    promotions(valid_at=NOW),
    st.sampled_from(["expired", "upcoming", "inactive"]),
)
def test_a_promotion_not_valid_now_changes_nothing(
    base: Money,
    pid: int,
    cid: int | None,
    promos: list[Promotion],
    extra: Promotion,
    why: str,
) -> None:
    assume(extra.id not in {p.id for p in promos})
    if why == "expired":
        extra = replace(extra, date_debut=NOW - timedelta(days=9), date_fin=NOW - ONE_MICROSECOND)
    elif why == "upcoming":
        extra = replace(extra, date_debut=NOW + ONE_MICROSECOND, date_fin=NOW + timedelta(days=9))
    else:
        extra = replace(extra, is_active=False)
    assert effective_price(base, pid, cid, [*promos, extra], NOW) == effective_price(
        base, pid, cid, promos, NOW
    )


@given(money, product_ids, some_category, promos_near_now, st.data())
def test_order_of_promotions_is_irrelevant(
    base: Money, pid: int, cid: int | None, promos: list[Promotion], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(promos))
    assert effective_price(base, pid, cid, shuffled, NOW) == effective_price(
        base, pid, cid, promos, NOW
    )


@given(
    st.lists(
        st.tuples(money, product_ids, some_category, st.integers(1, 50)), min_size=1, max_size=5
    ),
    promos_near_now,
)
def test_price_shown_is_price_charged(
    lines: list[tuple[Money, int, int | None, int]], promos: list[Promotion]
) -> None:
    # Catalogue: prix_reduit computed from a list; cart/checkout: recomputed from a one-shot
    # iterable (as a repository cursor would give). Both must agree line by line and in total.
    shown = [effective_price(base, pid, cid, promos, NOW) for base, pid, cid, _ in lines]
    charged = [effective_price(base, pid, cid, iter(promos), NOW) for base, pid, cid, _ in lines]
    assert charged == shown
    quantities = [quantity for *_, quantity in lines]
    total = sum_money(q.effective * n for q, n in zip(charged, quantities, strict=True))
    assert total == sum_money(q.effective * n for q, n in zip(shown, quantities, strict=True))
    # Rounding happens once, on the unit price; a line is exactly unit × quantity.
    for quote, quantity in zip(charged, quantities, strict=True):
        assert (quote.effective * quantity).amount == quote.effective.amount * quantity


# --- input validation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (Decimal("0.2"), Decimal("0.2")),
        (0, Decimal(0)),
        (1, Decimal(1)),
        ("0.25", Decimal("0.25")),
        (str(0.1), Decimal("0.1")),  # the HTTP layer passes JSON floats through str()
        ("-0", Decimal(0)),
    ],
)
def test_reduction_accepts_fractions(raw: object, expected: Decimal) -> None:
    assert validate_reduction(raw) == expected


@pytest.mark.parametrize("raw", ["20", 2, "-0.01", "1.0001", Decimal("-1")])
def test_reduction_outside_zero_one_is_refused(raw: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_reduction(raw)
    assert caught.value.fields == {"reduction": [REDUCTION_OUT_OF_RANGE]}


@pytest.mark.parametrize("raw", ["abc", "", None, True, [0.2], "NaN"])
def test_reduction_must_be_a_number(raw: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_reduction(raw)
    assert list(caught.value.fields) == ["reduction"]


def test_reduction_refuses_raw_floats() -> None:
    with pytest.raises(TypeError):
        validate_reduction(0.2)


def test_promotion_refuses_an_out_of_range_reduction() -> None:
    with pytest.raises(InvalidInput):
        promo(reduction="1.5")


@given(aware_datetimes, positive_durations)
def test_period_must_start_strictly_before_it_ends(debut: datetime, length: timedelta) -> None:
    validate_period(debut, debut + length)
    for fin in (debut, debut - length):
        with pytest.raises(InvalidInput) as caught:
            validate_period(debut, fin)
        assert caught.value.fields == {"non_field_errors": [PERIOD_REVERSED]}
        assert caught.value.message == PERIOD_REVERSED
