"""Cart rules: quantities, stock check without reservation, total."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from chezflora.domain.cart import QUANTITY_MESSAGE, Cart, CartLine
from chezflora.domain.errors import InvalidInput, NotFound, OutOfStock
from chezflora.domain.money import Money

NOW = datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
ROSE, TULIP = 1, 2


def new_cart() -> Cart:
    return Cart(id=7, client_id=3)


class TestAdd:
    def test_new_product_starts_a_line(self) -> None:
        cart = new_cart()
        line = cart.add(ROSE, 2, available_stock=5, now=NOW, product_name="Rose")
        assert line == CartLine(ROSE, 2, NOW)
        assert cart.quantities() == {ROSE: 2}

    def test_existing_product_adds_to_its_quantity_and_keeps_its_date(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 2, available_stock=5, now=NOW, product_name="Rose")
        later = NOW + timedelta(hours=1)
        line = cart.add(ROSE, 3, available_stock=5, now=later, product_name="Rose")
        assert line == CartLine(ROSE, 5, NOW)

    @pytest.mark.parametrize("quantity", [0, -1, True, 1.0, "2", None, Decimal(2)])
    def test_quantity_must_be_an_integer_of_at_least_one(self, quantity: object) -> None:
        cart = new_cart()
        with pytest.raises(InvalidInput) as caught:
            cart.add(ROSE, quantity, available_stock=5, now=NOW, product_name="Rose")
        assert caught.value.fields == {"quantite": [QUANTITY_MESSAGE]}
        assert cart.is_empty()

    def test_quantity_above_stock_is_refused_naming_the_product(self) -> None:
        cart = new_cart()
        with pytest.raises(OutOfStock) as caught:
            cart.add(ROSE, 6, available_stock=5, now=NOW, product_name="Rose")
        assert caught.value.products == ["Rose"]
        assert caught.value.message == "Stock insuffisant"
        assert cart.is_empty()

    def test_the_sum_with_the_existing_line_must_fit_the_stock(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 3, available_stock=5, now=NOW, product_name="Rose")
        with pytest.raises(OutOfStock):
            cart.add(ROSE, 3, available_stock=5, now=NOW, product_name="Rose")
        assert cart.quantities() == {ROSE: 3}

    def test_exactly_the_stock_is_allowed(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 5, available_stock=5, now=NOW, product_name="Rose")
        assert cart.quantities() == {ROSE: 5}


class TestChangeQuantity:
    def test_sets_an_absolute_quantity(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 4, available_stock=5, now=NOW, product_name="Rose")
        line = cart.change_quantity(ROSE, 1, available_stock=5, product_name="Rose")
        assert line == CartLine(ROSE, 1, NOW)

    def test_product_must_be_in_the_cart(self) -> None:
        cart = new_cart()
        with pytest.raises(NotFound, match="Produit non présent dans le panier"):
            cart.change_quantity(ROSE, 1, available_stock=5, product_name="Rose")

    def test_above_stock_is_refused_and_nothing_changes(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 2, available_stock=5, now=NOW, product_name="Rose")
        with pytest.raises(OutOfStock):
            cart.change_quantity(ROSE, 6, available_stock=5, product_name="Rose")
        assert cart.quantities() == {ROSE: 2}

    @pytest.mark.parametrize("quantity", [0, -3, "1"])
    def test_zero_or_junk_is_invalid_not_a_removal(self, quantity: object) -> None:
        cart = new_cart()
        cart.add(ROSE, 2, available_stock=5, now=NOW, product_name="Rose")
        with pytest.raises(InvalidInput):
            cart.change_quantity(ROSE, quantity, available_stock=5, product_name="Rose")
        assert cart.quantities() == {ROSE: 2}


class TestRemoveClearTotal:
    def test_remove_drops_the_line(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 2, available_stock=5, now=NOW, product_name="Rose")
        cart.add(TULIP, 1, available_stock=5, now=NOW, product_name="Tulipe")
        cart.remove(ROSE)
        assert cart.quantities() == {TULIP: 1}

    def test_remove_of_an_absent_product_is_not_found(self) -> None:
        with pytest.raises(NotFound):
            new_cart().remove(ROSE)

    def test_clear_empties(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 2, available_stock=5, now=NOW, product_name="Rose")
        cart.clear()
        assert cart.is_empty()
        assert cart.total({}) == Money.zero()

    def test_total_is_unit_price_times_quantity(self) -> None:
        cart = new_cart()
        cart.add(ROSE, 5, available_stock=9, now=NOW, product_name="Rose")
        cart.add(TULIP, 3, available_stock=9, now=NOW, product_name="Tulipe")
        prices = {ROSE: Money.of("80.00"), TULIP: Money.of("1333.33")}
        assert cart.total(prices) == Money.of("4399.99")

    def test_restore_keeps_stored_lines_in_order(self) -> None:
        lines = [CartLine(TULIP, 1, NOW), CartLine(ROSE, 2, NOW)]
        cart = Cart.restore(id=1, client_id=2, lines=lines)
        assert cart.lines == tuple(lines)


# --- Stateful: the cart behaves like a plain dict of product → quantity -------------------------

PRODUCTS = range(1, 6)
PRICES = st.decimals(min_value=0, max_value=100_000, places=2).map(Money)
QUANTITIES = st.one_of(st.integers(min_value=-2, max_value=12), st.sampled_from([True, "3", 2.0]))


def as_valid_quantity(quantity: object) -> int | None:
    """The model's own reading of the rule: a real int of at least 1, else nothing."""
    return quantity if type(quantity) is int and quantity >= 1 else None


class CartMachine(RuleBasedStateMachine):
    """Every operation either succeeds exactly as on the model or fails leaving both unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.cart = new_cart()
        self.model: dict[int, int] = {}
        self.prices: dict[int, Money] = {}

    @initialize(prices=st.fixed_dictionaries(dict.fromkeys(PRODUCTS, PRICES)))
    def set_prices(self, prices: dict[int, Money]) -> None:
        self.prices = prices

    @rule(
        product=st.sampled_from(PRODUCTS),
        quantity=QUANTITIES,
        stock=st.integers(min_value=0, max_value=20),
    )
    def add(self, product: int, quantity: object, stock: int) -> None:
        amount = as_valid_quantity(quantity)
        if amount is None:
            with pytest.raises(InvalidInput):
                self.cart.add(product, quantity, stock, NOW, f"P{product}")
        elif self.model.get(product, 0) + amount > stock:
            with pytest.raises(OutOfStock):
                self.cart.add(product, quantity, stock, NOW, f"P{product}")
        else:
            self.cart.add(product, quantity, stock, NOW, f"P{product}")
            self.model[product] = self.model.get(product, 0) + amount

    @rule(
        product=st.sampled_from(PRODUCTS),
        quantity=QUANTITIES,
        stock=st.integers(min_value=0, max_value=20),
    )
    def change_quantity(self, product: int, quantity: object, stock: int) -> None:
        amount = as_valid_quantity(quantity)
        expected: type[Exception] | None = None
        if amount is None:
            expected = InvalidInput
        elif product not in self.model:
            expected = NotFound
        elif amount > stock:
            expected = OutOfStock
        if expected is not None:
            with pytest.raises(expected):
                self.cart.change_quantity(product, quantity, stock, f"P{product}")
        elif amount is not None:
            self.cart.change_quantity(product, quantity, stock, f"P{product}")
            self.model[product] = amount

    @rule(product=st.sampled_from(PRODUCTS))
    def remove(self, product: int) -> None:
        if product in self.model:
            self.cart.remove(product)
            del self.model[product]
        else:
            with pytest.raises(NotFound):
                self.cart.remove(product)

    @rule()
    def clear(self) -> None:
        self.cart.clear()
        self.model.clear()

    @invariant()
    def same_lines(self) -> None:
        assert self.cart.quantities() == self.model
        assert self.cart.is_empty() == (not self.model)

    @invariant()
    def quantities_are_positive_integers(self) -> None:
        assert all(type(line.quantity) is int and line.quantity >= 1 for line in self.cart.lines)

    @invariant()
    def total_matches_the_model(self) -> None:
        expected = sum((self.prices[p].amount * q for p, q in self.model.items()), start=Decimal(0))
        assert self.cart.total(self.prices).amount == expected


TestCartMachine = CartMachine.TestCase
