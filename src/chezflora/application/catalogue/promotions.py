"""Promotion writes. Reductions are fractions in [0, 1]; a period starts before it ends.

No snapshot of a category's products is taken: a category promotion applies to whatever the
category holds at pricing time (decisions.md §3).
"""

from __future__ import annotations

from dataclasses import replace

from chezflora.application.catalogue.commands import NewPromotion, PromotionChanges, given_or
from chezflora.application.catalogue.ports import (
    CatalogueUnitOfWork,
    CatalogueUnitOfWorkFactory,
    PromotionDraft,
)
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import CATEGORY_NOT_FOUND, PROMOTION_NAME_TAKEN, PROMOTION_NOT_FOUND
from chezflora.domain.catalogue_fields import unknown_ids
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.pricing import validate_period


def _check(uow: CatalogueUnitOfWork, draft: PromotionDraft, promotion_id: int | None) -> None:
    validate_period(draft.starts_at, draft.ends_at)
    owner = uow.promotions.id_by_name(draft.name)
    if owner is not None and owner != promotion_id:
        raise InvalidInput.on_field("nom", PROMOTION_NAME_TAKEN)
    if draft.category_id is not None and uow.categories.get(draft.category_id) is None:
        raise InvalidInput.on_field("categorie_id", CATEGORY_NOT_FOUND)
    missing = draft.product_ids - uow.products.existing_ids(draft.product_ids)
    if missing:
        raise unknown_ids("produit_ids", missing)


def _changed(current: PromotionDraft, changes: PromotionChanges) -> PromotionDraft:
    return replace(
        current,
        name=given_or(changes.name, current.name),
        description=given_or(changes.description, current.description),
        reduction=given_or(changes.reduction, current.reduction),
        starts_at=given_or(changes.starts_at, current.starts_at),
        ends_at=given_or(changes.ends_at, current.ends_at),
        category_id=given_or(changes.category_id, current.category_id),
        product_ids=given_or(changes.product_ids, current.product_ids),
        is_active=given_or(changes.is_active, current.is_active),
    )


class CreatePromotion:
    """A unique name, a reduction, starts before it ends; optional category and products."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, command: NewPromotion) -> int:
        draft = PromotionDraft(
            name=command.name,
            reduction=command.reduction,
            starts_at=command.starts_at,
            ends_at=command.ends_at,
            description=command.description,
            category_id=command.category_id,
            product_ids=command.product_ids,
            is_active=command.is_active,
        )
        with self._uow() as uow:
            _check(uow, draft, None)
            promotion_id = uow.promotions.add(draft, self._clock.now())
            uow.commit()
        return promotion_id


class UpdatePromotion:
    """Partial update: what is not given keeps its value (one date alone is checked with the
    stored other one)."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, promotion_id: int, changes: PromotionChanges) -> None:
        with self._uow() as uow:
            current = uow.promotions.get(promotion_id)
            if current is None:
                raise NotFound(PROMOTION_NOT_FOUND)
            draft = _changed(current, changes)
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
