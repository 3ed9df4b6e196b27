"""Subscription price per period, from base product prices (promotions never apply)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from chezflora.domain.money import Money
from chezflora.domain.subscription_schedule import SubscriptionType

# hebdomadaire: four deliveries a month; annuel: twelve months with a 10 % discount.
_FACTORS: dict[SubscriptionType, Decimal] = {
    SubscriptionType.MENSUEL: Decimal(1),
    SubscriptionType.HEBDOMADAIRE: Decimal(4),
    SubscriptionType.ANNUEL: Decimal(12) * Decimal("0.9"),
}


def price_per_period(kind: SubscriptionType, lines: Iterable[tuple[Money, int]]) -> Money:
    """mensuel Σ(prix × qty); hebdomadaire 4 × Σ; annuel 12 × Σ × 0.9, rounded half-up once."""
    total = Decimal(0)
    for unit_price, quantity in lines:
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
            raise ValueError(f"quantity must be an integer >= 1, got {quantity!r}")
        # Stay in raw Decimal: Money rounds on every operation, and the rule is one rounding.
        total += unit_price.amount * quantity
    return Money(total * _FACTORS[kind])
