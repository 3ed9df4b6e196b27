"""Product writes: create, partial update, delete (with its photos, rows and files)."""

from __future__ import annotations

from dataclasses import replace

from chezflora.application.catalogue.commands import NewProduct, NotGiven, ProductChanges, given_or
from chezflora.application.catalogue.ports import (
    CatalogueUnitOfWork,
    CatalogueUnitOfWorkFactory,
    Storage,
)
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import CATEGORY_NOT_FOUND, PRODUCT_NOT_FOUND, Product
from chezflora.domain.catalogue_fields import unknown_ids
from chezflora.domain.errors import InvalidInput, NotFound


def _check_references(
    uow: CatalogueUnitOfWork,
    category_id: int | NotGiven,
    promotion_ids: frozenset[int] | NotGiven,
) -> None:
    if isinstance(category_id, int) and uow.categories.get(category_id) is None:
        raise InvalidInput.on_field("categorie_id", CATEGORY_NOT_FOUND)
    if isinstance(promotion_ids, frozenset):
        missing = promotion_ids - uow.promotions.existing_ids(promotion_ids)
        if missing:
            raise unknown_ids("promotions", missing)


class CreateProduct:
    """name, price (≥ 0, 2 places), stock (≥ 0) and an existing category are required."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, command: NewProduct) -> int:
        with self._uow() as uow:
            _check_references(uow, command.category_id, command.promotion_ids)
            product = Product(
                id=0,
                name=command.name,
                description=command.description,
                price=command.price,
                stock=command.stock,
                category_id=command.category_id,
                is_active=command.is_active,
            )
            product_id = uow.products.add(product, self._clock.now())
            uow.products.set_promotions(product_id, command.promotion_ids)
            uow.commit()
        return product_id


def _changed(current: Product, changes: ProductChanges) -> Product:
    return replace(
        current,
        name=given_or(changes.name, current.name),
        description=given_or(changes.description, current.description),
        price=given_or(changes.price, current.price),
        stock=given_or(changes.stock, current.stock),
        category_id=given_or(changes.category_id, current.category_id),
        is_active=given_or(changes.is_active, current.is_active),
    )


class UpdateProduct:
    """Partial update (PUT and PATCH alike); `promotion_ids` replaces the product's links."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, product_id: int, changes: ProductChanges) -> None:
        with self._uow() as uow:
            current = uow.products.get(product_id)
            if current is None:
                raise NotFound(PRODUCT_NOT_FOUND)
            _check_references(uow, changes.category_id, changes.promotion_ids)
            uow.products.save(_changed(current, changes), self._clock.now())
            if isinstance(changes.promotion_ids, frozenset):
                uow.products.set_promotions(product_id, changes.promotion_ids)
            uow.commit()


class DeleteProduct:
    """Deletes the product and its photos; files go only once the rows are gone for good."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, storage: Storage) -> None:
        self._uow, self._storage = uow, storage

    def __call__(self, product_id: int) -> None:
        with self._uow() as uow:
            if uow.products.get(product_id) is None:
                raise NotFound(PRODUCT_NOT_FOUND)
            photos = uow.photos.for_entity("produit", product_id)
            for photo in photos:
                uow.photos.delete(photo.id)
            uow.products.delete(product_id)
            uow.commit()
        for photo in photos:
            self._storage.delete(photo.image)
