"""Cart: which products a client means to buy, checked against stock but reserving nothing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from chezflora.domain.errors import InvalidInput, NotFound, OutOfStock
from chezflora.domain.limits import MAX_LINE_QUANTITY
from chezflora.domain.money import Money, sum_money

QUANTITY_FIELD = "quantite"
QUANTITY_MESSAGE = f"La quantité doit être un entier entre 1 et {MAX_LINE_QUANTITY}."
NOT_IN_CART_MESSAGE = "Produit non présent dans le panier"


def validate_quantity(quantity: object) -> int:
    """A cart or order quantity is an integer in [1, MAX_LINE_QUANTITY] (booleans are not)."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise InvalidInput.on_field(QUANTITY_FIELD, QUANTITY_MESSAGE)
    if not 1 <= quantity <= MAX_LINE_QUANTITY:
        raise InvalidInput.on_field(QUANTITY_FIELD, QUANTITY_MESSAGE)
    return quantity


def ensure_in_stock(quantity: int, available_stock: int, product_name: str) -> None:
    """A line may not ask for more than the product's current stock."""
    if quantity > available_stock:
        raise OutOfStock([product_name])


@dataclass(frozen=True, slots=True)
class CartLine:
    """One product in a cart; `added_at` is the wire's `date_ajout`."""

    product_id: int
    quantity: int
    added_at: datetime


@dataclass(slots=True)
class Cart:
    """A client's cart. Lines keep the order in which products were first added."""

    id: int | None
    client_id: int
    _lines: dict[int, CartLine] = field(default_factory=dict)

    @classmethod
    def restore(cls, id: int | None, client_id: int, lines: list[CartLine]) -> Cart:
        """Rebuild a cart from stored lines (one line per product)."""
        cart = cls(id=id, client_id=client_id)
        for line in lines:
            cart._lines[line.product_id] = line
        return cart

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines.values())

    def quantities(self) -> dict[int, int]:
        """Product id → quantity, the shape checkout and the stock check take."""
        return {line.product_id: line.quantity for line in self._lines.values()}

    def is_empty(self) -> bool:
        return not self._lines

    def add(
        self,
        product_id: int,
        quantity: object,
        available_stock: int,
        now: datetime,
        product_name: str,
    ) -> CartLine:
        """Add to the product's quantity (or start a line); the sum must fit the stock."""
        amount = validate_quantity(quantity)
        current = self._lines.get(product_id)
        new_quantity = amount + (current.quantity if current else 0)
        ensure_in_stock(new_quantity, available_stock, product_name)
        # An existing line keeps its first date_ajout: the client added the product then.
        line = (
            replace(current, quantity=new_quantity)
            if current
            else CartLine(product_id, new_quantity, now)
        )
        self._lines[product_id] = line
        return line

    def change_quantity(
        self,
        product_id: int,
        quantity: object,
        available_stock: int,
        product_name: str,
    ) -> CartLine:
        """Set a present product's quantity to a new absolute value that fits the stock."""
        new_quantity = validate_quantity(quantity)
        current = self._line(product_id)
        ensure_in_stock(new_quantity, available_stock, product_name)
        line = replace(current, quantity=new_quantity)
        self._lines[product_id] = line
        return line

    def remove(self, product_id: int) -> None:
        """Drop a product's line; it must be in the cart."""
        self._line(product_id)
        del self._lines[product_id]

    def clear(self) -> None:
        self._lines.clear()

    def total(self, unit_prices: Mapping[int, Money]) -> Money:
        """Σ unit price × quantity; each line is rounded by Money. Every line needs a price."""
        return sum_money(unit_prices[line.product_id] * line.quantity for line in self.lines)

    def _line(self, product_id: int) -> CartLine:
        line = self._lines.get(product_id)
        if line is None:
            raise NotFound(NOT_IN_CART_MESSAGE)
        return line
