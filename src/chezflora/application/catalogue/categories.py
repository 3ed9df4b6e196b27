"""Category writes: create, partial update, delete (refused while products remain)."""

from __future__ import annotations

from dataclasses import replace

from chezflora.application.catalogue.commands import CategoryChanges, NewCategory, given_or
from chezflora.application.catalogue.ports import CatalogueUnitOfWork, CatalogueUnitOfWorkFactory
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import (
    CATEGORY_NAME_TAKEN,
    CATEGORY_NOT_EMPTY,
    CATEGORY_NOT_FOUND,
    Category,
)
from chezflora.domain.errors import Conflict, InvalidInput, NotFound


def _ensure_name_free(uow: CatalogueUnitOfWork, name: str, except_id: int | None = None) -> None:
    owner = uow.categories.id_by_name(name)
    if owner is not None and owner != except_id:
        raise InvalidInput.on_field("nom", CATEGORY_NAME_TAKEN)


class CreateCategory:
    """A name (unique, ≤ 100 characters), an optional description, active by default."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, command: NewCategory) -> int:
        with self._uow() as uow:
            _ensure_name_free(uow, command.name)
            category = Category(
                id=0,
                name=command.name,
                description=command.description,
                is_active=command.is_active,
            )
            category_id = uow.categories.add(category, self._clock.now())
            uow.commit()
        return category_id


class UpdateCategory:
    """Partial update (PUT and PATCH alike); the name stays unique."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, category_id: int, changes: CategoryChanges) -> None:
        with self._uow() as uow:
            current = uow.categories.get(category_id)
            if current is None:
                raise NotFound(CATEGORY_NOT_FOUND)
            if isinstance(changes.name, str):
                _ensure_name_free(uow, changes.name, category_id)
            changed = replace(
                current,
                name=given_or(changes.name, current.name),
                description=given_or(changes.description, current.description),
                is_active=given_or(changes.is_active, current.is_active),
            )
            uow.categories.save(changed)
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
