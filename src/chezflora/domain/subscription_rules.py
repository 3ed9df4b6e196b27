"""Input rules of a subscription: start and end dates, and the basket's product lines."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from chezflora.domain.errors import InvalidInput
from chezflora.domain.limits import MAX_LINE_QUANTITY, TOO_FAR, latest_date
from chezflora.domain.money import Money

PAST_START = "La date de début ne peut pas être dans le passé."
END_BEFORE_START = "La date de début doit être antérieure à la date de fin."
NO_PRODUCT = "Un abonnement doit inclure au moins un produit."
BAD_QUANTITY = f"La quantité doit être un entier entre 1 et {MAX_LINE_QUANTITY}."
BEYOND_STOCK = "Quantité supérieure au stock disponible pour {name} ({stock})."
DUPLICATE_PRODUCT = "Un produit ne peut figurer qu'une fois dans l'abonnement."
UNKNOWN_PRODUCT = "Produit introuvable : {product_id}."


def validate_new(
    date_debut: date, date_fin: date | None, today: date, lines: Sequence[tuple[int, int]]
) -> None:
    """Start today or later (local) and within the horizon, end after start and within the
    horizon, ≥ 1 line, int quantities in [1, MAX_LINE_QUANTITY], no dups."""
    fields: dict[str, list[str]] = {}
    if date_debut < today:
        fields["date_debut"] = [PAST_START]
    elif date_debut > latest_date(today):
        fields["date_debut"] = [TOO_FAR]
    if date_fin is not None and date_fin <= date_debut:
        fields["date_fin"] = [END_BEFORE_START]
    elif date_fin is not None and date_fin > latest_date(today):
        fields["date_fin"] = [TOO_FAR]
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
    """An integer in [1, MAX_LINE_QUANTITY] (booleans are not quantities)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return False
    return 1 <= value <= MAX_LINE_QUANTITY


def require_deliverable(
    lines: Sequence[tuple[int, int]], stock: Mapping[int, tuple[str, int]]
) -> None:
    """Each line's quantity is one the shop can deliver now (product id → (name, stock))."""
    errors = [
        BEYOND_STOCK.format(name=stock[pid][0], stock=stock[pid][1])
        for pid, quantity in lines
        if pid in stock and quantity > stock[pid][1]
    ]
    if errors:
        raise InvalidInput(errors[0], fields={"produit_quantites": errors})


def require_known(lines: Sequence[tuple[int, int]], unit_prices: Mapping[int, Money]) -> None:
    missing = [product_id for product_id, _ in lines if product_id not in unit_prices]
    if missing:
        message = UNKNOWN_PRODUCT.format(product_id=missing[0])
        raise InvalidInput.on_field("produit_quantites", message)
