"""Product writes: create, partial update, delete (with its photos, rows and files)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from chezflora.application.catalogue.ports import (
    CatalogueUnitOfWork,
    CatalogueUnitOfWorkFactory,
    Storage,
)
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import CATEGORY_NOT_FOUND, PRODUCT_NOT_FOUND, Product
from chezflora.domain.catalogue_fields import (
    INVALID_DATA,
    PRODUCT_RULES,
    REQUIRED,
    unknown_ids,
    validate_fields,
    validate_flag,
    validate_id,
    validate_ids,
)
from chezflora.domain.errors import InvalidInput, NotFound

_EXTRA_RULES: dict[str, Callable[[object], object]] = {
    "categorie_id": lambda v: validate_id(v, "categorie_id"),
    "is_active": validate_flag,
    "promotions": lambda v: validate_ids(v, "promotions"),
}


def clean_product(values: Mapping[str, object], *, partial: bool) -> dict[str, object]:
    """Every field checked, every failure reported at once (400 with `fields`)."""
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, object] = {}
    try:
        cleaned.update(validate_fields(values, PRODUCT_RULES, partial=partial))
    except InvalidInput as exc:
        errors.update(exc.fields)
    for name, rule in _EXTRA_RULES.items():
        if name not in values or (values[name] is None and name == "is_active"):
            continue
        try:
            cleaned[name] = rule(values[name])
        except InvalidInput as exc:
            errors.update(exc.fields)
    if not partial and "categorie_id" not in values:
        errors["categorie_id"] = [REQUIRED]
    if errors:
        first = next(iter(errors.values()))[0]
        raise InvalidInput(first if len(errors) == 1 else INVALID_DATA, fields=errors)
    return cleaned


def _check_references(uow: CatalogueUnitOfWork, cleaned: Mapping[str, object]) -> None:
    category_id = cleaned.get("categorie_id")
    if isinstance(category_id, int) and uow.categories.get(category_id) is None:
        raise InvalidInput.on_field("categorie_id", CATEGORY_NOT_FOUND)
    wanted = cleaned.get("promotions")
    if isinstance(wanted, frozenset):
        missing = wanted - uow.promotions.existing_ids(wanted)
        if missing:
            raise unknown_ids("promotions", missing)


class CreateProduct:
    """nom, prix (≥ 0, 2 places), stock (≥ 0) and an existing categorie_id are required."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, values: Mapping[str, object]) -> int:
        cleaned = clean_product(values, partial=False)
        promotions = cleaned.pop("promotions", frozenset())
        assert isinstance(promotions, frozenset)
        with self._uow() as uow:
            _check_references(uow, {**cleaned, "promotions": promotions})
            product = Product(id=0, **cleaned)  # type: ignore[arg-type]
            product_id = uow.products.add(product, self._clock.now())
            uow.products.set_promotions(product_id, promotions)
            uow.commit()
        return product_id


class UpdateProduct:
    """Partial update (PUT and PATCH alike); `promotions` replaces the product's links."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, product_id: int, values: Mapping[str, object]) -> None:
        cleaned = clean_product(values, partial=True)
        promotions = cleaned.pop("promotions", None)
        with self._uow() as uow:
            current = uow.products.get(product_id)
            if current is None:
                raise NotFound(PRODUCT_NOT_FOUND)
            _check_references(uow, {**cleaned, "promotions": promotions})
            uow.products.save(replace(current, **cleaned), self._clock.now())  # type: ignore[arg-type]
            if isinstance(promotions, frozenset):
                uow.products.set_promotions(product_id, promotions)
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
