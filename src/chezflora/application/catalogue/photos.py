"""Photos of catalogue entities and free images: validated, re-encoded, stored, recorded."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from chezflora.application.catalogue.ports import (
    CatalogueUnitOfWork,
    CatalogueUnitOfWorkFactory,
    ImageProcessor,
    Storage,
)
from chezflora.application.ports import Clock
from chezflora.domain.catalogue import PRODUCT_NOT_FOUND
from chezflora.domain.catalogue_fields import validate_id
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.photo import (
    PHOTO_ENTITY_TYPES,
    PHOTO_NOT_FOUND,
    UNSUPPORTED_ENTITY,
    check_image_size,
)

PHOTO_FOLDER = "photos"

# entity_type → (does this id exist?, message when it does not). Products are the catalogue's
# own; the composition root adds the other capabilities' targets (services, réalisations).
TargetCheck = Callable[[CatalogueUnitOfWork, int], bool]
PhotoTargets = Mapping[str, tuple[TargetCheck, str]]


def _product_exists(uow: CatalogueUnitOfWork, product_id: int) -> bool:
    return uow.products.get(product_id) is not None


PRODUCT_TARGET: PhotoTargets = {"produit": (_product_exists, PRODUCT_NOT_FOUND)}
FREE_IMAGE_FOLDER = "images"


class AddPhoto:
    """Attach an image to an existing product, service or réalisation (PHOTO_ENTITY_TYPES).

    The file is stored before the row is written and removed again if the row is not.
    """

    def __init__(
        self,
        uow: CatalogueUnitOfWorkFactory,
        clock: Clock,
        images: ImageProcessor,
        storage: Storage,
        targets: PhotoTargets = PRODUCT_TARGET,
    ) -> None:
        self._uow, self._clock, self._images, self._storage = uow, clock, images, storage
        self._targets = targets

    def __call__(self, entity_type: str, entity_id: object, data: bytes) -> int:
        if entity_type not in PHOTO_ENTITY_TYPES or entity_type not in self._targets:
            raise InvalidInput.on_field("entity_type", UNSUPPORTED_ENTITY)
        target = validate_id(entity_id, "entity_id")
        check_image_size(len(data))
        encoded = self._images.normalise(data)
        exists, missing = self._targets[entity_type]
        with self._uow() as uow:
            if not exists(uow, target):
                raise InvalidInput.on_field("entity_id", missing)
            name = self._storage.save(encoded.data, PHOTO_FOLDER, encoded.extension)
            try:
                photo_id = uow.photos.add(entity_type, target, name, self._clock.now())
                uow.commit()
            except BaseException:
                self._storage.delete(name)
                raise
        return photo_id


class DeletePhoto:
    """Removes the row, then the file."""

    def __init__(self, uow: CatalogueUnitOfWorkFactory, storage: Storage) -> None:
        self._uow, self._storage = uow, storage

    def __call__(self, photo_id: int) -> None:
        with self._uow() as uow:
            photo = uow.photos.get(photo_id)
            if photo is None:
                raise NotFound(PHOTO_NOT_FOUND)
            uow.photos.delete(photo_id)
            uow.commit()
        self._storage.delete(photo.image)


class UploadImage:
    """A free image (article bodies): same checks as photos; answers its public URL."""

    def __init__(
        self,
        uow: CatalogueUnitOfWorkFactory,
        clock: Clock,
        images: ImageProcessor,
        storage: Storage,
    ) -> None:
        self._uow, self._clock, self._images, self._storage = uow, clock, images, storage

    def __call__(self, data: bytes) -> str:
        check_image_size(len(data))
        encoded = self._images.normalise(data)
        name = self._storage.save(encoded.data, FREE_IMAGE_FOLDER, encoded.extension)
        try:
            with self._uow() as uow:
                uow.photos.add_free_image(name, self._clock.now())
                uow.commit()
        except BaseException:
            self._storage.delete(name)
            raise
        return self._storage.url(name)
