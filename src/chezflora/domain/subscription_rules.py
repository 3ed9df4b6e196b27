"""Input rules of a subscription: start and end dates, and the basket's product lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money

PAST_START = "La date de début ne peut pas être dans le passé."
END_BEFORE_START = "La date de début doit être antérieure à la date de fin."
NO_PRODUCT = "Un abonnement doit inclure au moins un produit."
BAD_QUANTITY = "La quantité doit être un entier supérieur ou égal à 1."
DUPLICATE_PRODUCT = "Un produit ne peut figurer qu'une fois dans l'abonnement."
UNKNOWN_PRODUCT = "Produit introuvable : {product_id}."


def validate_new(
    date_debut: date, date_fin: date | None, today: date, lines: Sequence[tuple[int, int]]
) -> None:
    """Start today or later (local), end after start, ≥ 1 line, int quantities ≥ 1, no dups."""
    fields: dict[str, list[str]] = {}
    if date_debut < today:
        fields["date_debut"] = [PAST_START]
    if date_fin is not None and date_fin <= date_debut:
        fields["date_fin"] = [END_BEFORE_START]
    if line_errors := basket_errors(lines):
        fields["produit_quantites"] = line_errors
    if fields:
        # The first message doubles as the human `error` text; `fields` carries them all.
        raise InvalidInput(next(iter(fields.values()))[0], fields=fields)


def basket_errors(lines: Sequence[tuple[int, int]]) -> list[str]:
    """Messages for the `produit_quantites` field, empty when the lines are acceptable."""
    if not lines:
        return [NO_PRODUCT]
    errors = []
    if not all(_is_quantity(quantity) for _, quantity in lines):
        errors.append(BAD_QUANTITY)
    products = [product_id for product_id, _ in lines]
    if len(set(products)) != len(products):
        errors.append(DUPLICATE_PRODUCT)
    return errors


def _is_quantity(value: object) -> bool:
    """An integer ≥ 1 (booleans are not quantities)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def require_known(lines: Sequence[tuple[int, int]], unit_prices: Mapping[int, Money]) -> None:
    missing = [product_id for product_id, _ in lines if product_id not in unit_prices]
    if missing:
        message = UNKNOWN_PRODUCT.format(product_id=missing[0])
        raise InvalidInput.on_field("produit_quantites", message)
