"""Promotions and the one price rule (decisions.md §3): the best single valid reduction applies."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, localcontext

from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money, round_half_up, to_decimal

REDUCTION_OUT_OF_RANGE = "La réduction doit être comprise entre 0 et 1 (0.2 = 20 %)."
REDUCTION_NOT_A_NUMBER = "Un nombre valide est requis."
PERIOD_REVERSED = "La date de début doit être antérieure à la date de fin."

# Enough digits that base × (1 − reduction) is exact before the one half-up rounding.
_EXACT_PRECISION = 100


def validate_reduction(value: object) -> Decimal:
    """A reduction is a fraction in [0, 1] (0.2 = 20 %); floats must arrive as str(float)."""
    if isinstance(value, float):
        # A float here is a programming error: the HTTP layer converts via str() first.
        raise TypeError("reductions are read from str(float), never from a float")
    try:
        reduction = to_decimal(value)
    except (TypeError, ValueError):
        raise InvalidInput.on_field("reduction", REDUCTION_NOT_A_NUMBER) from None
    if not Decimal(0) <= reduction <= Decimal(1):
        raise InvalidInput.on_field("reduction", REDUCTION_OUT_OF_RANGE)
    # abs() turns "-0" into 0 so the stored fraction never carries a sign.
    return abs(reduction)


def validate_period(date_debut: datetime, date_fin: datetime) -> None:
    """A promotion must start strictly before it ends."""
    if not date_debut < date_fin:
        raise InvalidInput(PERIOD_REVERSED, fields={"non_field_errors": [PERIOD_REVERSED]})


def _require_aware(name: str, moment: datetime) -> None:
    # Naive datetimes would silently be read in some local zone; the shop works in UTC.
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class Promotion:
    """A reduction on linked products and on every product currently in `categorie_id`."""

    id: int
    nom: str
    reduction: Decimal
    date_debut: datetime
    date_fin: datetime
    is_active: bool = True
    categorie_id: int | None = None
    produit_ids: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        # The range invariant is what guarantees 0 <= effective <= base everywhere.
        object.__setattr__(self, "reduction", validate_reduction(self.reduction))
        object.__setattr__(self, "produit_ids", frozenset(self.produit_ids))
        _require_aware("date_debut", self.date_debut)
        _require_aware("date_fin", self.date_fin)

    def is_valid_at(self, now: datetime) -> bool:
        """Valid when active and date_debut <= now <= date_fin (both bounds inclusive)."""
        return self.is_active and self.date_debut <= now <= self.date_fin

    def applies_to(self, product_id: int, category_id: int | None) -> bool:
        """Applies to linked products and to the product's category *at pricing time*."""
        if product_id in self.produit_ids:
            return True
        return self.categorie_id is not None and self.categorie_id == category_id


@dataclass(frozen=True, slots=True)
class PriceQuote:
    """The unit price of one product at one instant, and the promotion that produced it."""

    base: Money
    effective: Money
    promotion: Promotion | None = None


def best_promotion(
    product_id: int,
    category_id: int | None,
    promotions: Iterable[Promotion],
    now: datetime,
) -> Promotion | None:
    """The largest valid applicable reduction; ties go to the lowest id so the choice is stable."""
    candidates = [
        promo
        for promo in promotions
        if promo.is_valid_at(now) and promo.applies_to(product_id, category_id)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda promo: (-promo.reduction, promo.id))


def discounted(base: Money, reduction: Decimal) -> Money:
    """round_half_up(base × (1 − reduction)), computed exactly before the single rounding."""
    with localcontext() as ctx:
        ctx.prec = _EXACT_PRECISION
        exact = base.amount * (Decimal(1) - reduction)
    return Money(round_half_up(exact))


def effective_price(
    base: Money,
    product_id: int,
    category_id: int | None,
    promotions: Iterable[Promotion],
    now: datetime,
) -> PriceQuote:
    """The one unit price shown and charged: prix_reduit, cart price and order-line price."""
    if base.is_negative():
        raise ValueError("a catalogue price is never negative")
    promo = best_promotion(product_id, category_id, promotions, now)
    if promo is None:
        return PriceQuote(base=base, effective=base)
    return PriceQuote(base=base, effective=discounted(base, promo.reduction), promotion=promo)
