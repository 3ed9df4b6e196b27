"""Promotion writes. Reductions are fractions in [0, 1]; a period starts before it ends.

No snapshot of a category's products is taken: a category promotion applies to whatever the
category holds at pricing time (decisions.md §3).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime

from chezflora.application.catalogue.ports import (
    CatalogueUnitOfWork,
    CatalogueUnitOfWorkFactory,
    PromotionDraft,
)
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import CATEGORY_NOT_FOUND, PROMOTION_NAME_TAKEN, PROMOTION_NOT_FOUND
from chezflora.domain.catalogue_fields import (
    INVALID_DATA,
    REQUIRED,
    unknown_ids,
    validate_description,
    validate_flag,
    validate_ids,
    validate_nom,
    validate_optional_id,
)
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.pricing import validate_period, validate_reduction

_REQUIRED_ON_CREATE = ("nom", "reduction", "date_debut", "date_fin")


def _instant(value: object) -> datetime:
    # The HTTP layer parses dates; anything else reaching here is a programming error.
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise TypeError("promotion dates arrive as aware datetimes")
    return value


_RULES: dict[str, Callable[[object], object]] = {
    "nom": validate_nom,
    "description": validate_description,
    "reduction": validate_reduction,
    "date_debut": _instant,
    "date_fin": _instant,
    "categorie_id": lambda v: validate_optional_id(v, "categorie_id"),
    "produit_ids": lambda v: validate_ids(v, "produit_ids"),
    "is_active": validate_flag,
}


def clean_promotion(values: Mapping[str, object], *, partial: bool) -> dict[str, object]:
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, object] = {}
    for name, rule in _RULES.items():
        if name not in values:
            if not partial and name in _REQUIRED_ON_CREATE:
                errors[name] = [REQUIRED]
            continue
        try:
            cleaned[name] = rule(values[name])
        except InvalidInput as exc:
            errors.update(exc.fields)
    if errors:
        first = next(iter(errors.values()))[0]
        raise InvalidInput(first if len(errors) == 1 else INVALID_DATA, fields=errors)
    return cleaned


def _check(uow: CatalogueUnitOfWork, draft: PromotionDraft, promotion_id: int | None) -> None:
    validate_period(draft.date_debut, draft.date_fin)
    owner = uow.promotions.id_by_name(draft.nom)
    if owner is not None and owner != promotion_id:
        raise InvalidInput.on_field("nom", PROMOTION_NAME_TAKEN)
    if draft.categorie_id is not None and uow.categories.get(draft.categorie_id) is None:
        raise InvalidInput.on_field("categorie_id", CATEGORY_NOT_FOUND)
    missing = draft.produit_ids - uow.products.existing_ids(draft.produit_ids)
    if missing:
        raise unknown_ids("produit_ids", missing)


class CreatePromotion:
    """nom (unique), reduction, date_debut < date_fin; optional category and linked products."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, values: Mapping[str, object]) -> int:
        draft = PromotionDraft(**clean_promotion(values, partial=False))  # type: ignore[arg-type]
        with self._uow() as uow:
            _check(uow, draft, None)
            promotion_id = uow.promotions.add(draft, self._clock.now())
            uow.commit()
        return promotion_id


class UpdatePromotion:
    """Partial update: absent keys keep their value (one date alone is checked with the other)."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, promotion_id: int, values: Mapping[str, object]) -> None:
        cleaned = clean_promotion(values, partial=True)
        with self._uow() as uow:
            current = uow.promotions.get(promotion_id)
            if current is None:
                raise NotFound(PROMOTION_NOT_FOUND)
            draft = replace(current, **cleaned)  # type: ignore[arg-type]
            _check(uow, draft, promotion_id)
            uow.promotions.save(promotion_id, draft)
            uow.commit()


class DeletePromotion:
    """The promotion must exist; its product links go with it."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, promotion_id: int) -> None:
        with self._uow() as uow:
            if uow.promotions.get(promotion_id) is None:
                raise NotFound(PROMOTION_NOT_FOUND)
            uow.promotions.delete(promotion_id)
            uow.commit()
