"""Category writes: create, partial update, delete (refused while products remain)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from chezflora.application.catalogue.ports import CatalogueUnitOfWork, CatalogueUnitOfWorkFactory
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import (
    CATEGORY_NAME_TAKEN,
    CATEGORY_NOT_EMPTY,
    CATEGORY_NOT_FOUND,
    Category,
)
from chezflora.domain.catalogue_fields import CATEGORY_RULES, validate_fields, validate_flag
from chezflora.domain.errors import Conflict, InvalidInput, NotFound


def _clean(values: Mapping[str, object], *, partial: bool) -> dict[str, object]:
    cleaned = validate_fields(values, CATEGORY_RULES, partial=partial)
    if values.get("is_active") is not None:
        cleaned["is_active"] = validate_flag(values["is_active"])
    return cleaned


def _ensure_name_free(uow: CatalogueUnitOfWork, nom: str, except_id: int | None = None) -> None:
    owner = uow.categories.id_by_name(nom)
    if owner is not None and owner != except_id:
        raise InvalidInput.on_field("nom", CATEGORY_NAME_TAKEN)


class CreateCategory:
    """A name (unique, ≤ 100 characters), an optional description, active by default."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, values: Mapping[str, object]) -> int:
        cleaned = _clean(values, partial=False)
        with self._uow() as uow:
            _ensure_name_free(uow, str(cleaned["nom"]))
            category = Category(id=0, **cleaned)  # type: ignore[arg-type]
            category_id = uow.categories.add(category, self._clock.now())
            uow.commit()
        return category_id


class UpdateCategory:
    """Partial update (PUT and PATCH alike); the name stays unique."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, category_id: int, values: Mapping[str, object]) -> None:
        cleaned = _clean(values, partial=True)
        with self._uow() as uow:
            current = uow.categories.get(category_id)
            if current is None:
                raise NotFound(CATEGORY_NOT_FOUND)
            if "nom" in cleaned:
                _ensure_name_free(uow, str(cleaned["nom"]), category_id)
            uow.categories.save(replace(current, **cleaned))  # type: ignore[arg-type]
            uow.commit()


class DeleteCategory:
    """A category that still has products is not deleted (409 "Catégorie non vide")."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, category_id: int) -> None:
        with self._uow() as uow:
            if uow.categories.get(category_id) is None:
                raise NotFound(CATEGORY_NOT_FOUND)
            if uow.categories.product_count(category_id):
                raise Conflict(CATEGORY_NOT_EMPTY)
            uow.categories.delete(category_id)
            uow.commit()
