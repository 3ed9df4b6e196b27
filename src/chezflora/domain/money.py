"""Money: a Decimal amount in FCFA (XAF), two places, one rounding rule (half-up)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

_CENT = Decimal("0.01")


def round_half_up(value: Decimal) -> Decimal:
    """The shop's one rounding rule: two places, half away from zero."""
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def to_decimal(value: object) -> Decimal:
    """Read an amount from an int, Decimal or numeric string; floats are refused."""
    if isinstance(value, (bool, float)):
        raise TypeError("amounts are never floats")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | str):
        try:
            result = Decimal(str(value).strip())
        except InvalidOperation as exc:
            raise ValueError(f"not an amount: {value!r}") from exc
    else:
        raise TypeError(f"not an amount: {value!r}")
    if not result.is_finite():
        raise ValueError(f"not an amount: {value!r}")
    return result


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount in XAF, always quantised to two places. May be negative (differences, refunds)."""

    amount: Decimal

    def __post_init__(self) -> None:
        object.__setattr__(self, "amount", round_half_up(to_decimal(self.amount)))

    @classmethod
    def of(cls, value: object) -> Money:
        return cls(to_decimal(value))

    @classmethod
    def zero(cls) -> Money:
        return cls(Decimal(0))

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount + other.amount)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount - other.amount)

    def __mul__(self, factor: int | Decimal) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        return Money(self.amount * factor)

    __rmul__ = __mul__

    def is_negative(self) -> bool:
        return self.amount < 0

    def __str__(self) -> str:
        return f"{self.amount} FCFA"


def sum_money(amounts: Iterable[Money]) -> Money:
    total = Money.zero()
    for amount in amounts:
        total = total + amount
    return total
