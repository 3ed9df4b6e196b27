"""Catalogue use cases and read side, grouped for the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.catalogue.categories import (
    CreateCategory,
    DeleteCategory,
    UpdateCategory,
)
from chezflora.application.catalogue.photos import (
    PRODUCT_TARGET,
    AddPhoto,
    DeletePhoto,
    PhotoTargets,
    UploadImage,
)
from chezflora.application.catalogue.ports import (
    CatalogueUnitOfWorkFactory,
    ImageProcessor,
    Storage,
)
from chezflora.application.catalogue.products import CreateProduct, DeleteProduct, UpdateProduct
from chezflora.application.catalogue.promotions import (
    CreatePromotion,
    DeletePromotion,
    UpdatePromotion,
)
from chezflora.application.catalogue.reading import CatalogueReader
from chezflora.application.catalogue.views import CatalogueQueries
from chezflora.application.ports import Clock
from chezflora.application.pricing import PromotionSource


@dataclass(frozen=True)
class CatalogueModule:
    reader: CatalogueReader
    create_category: CreateCategory
    update_category: UpdateCategory
    delete_category: DeleteCategory
    create_product: CreateProduct
    update_product: UpdateProduct
    delete_product: DeleteProduct
    create_promotion: CreatePromotion
    update_promotion: UpdatePromotion
    delete_promotion: DeletePromotion
    add_photo: AddPhoto
    delete_photo: DeletePhoto
    upload_image: UploadImage

    @classmethod
    def build(
        cls,
        uow: CatalogueUnitOfWorkFactory,
        clock: Clock,
        queries: CatalogueQueries,
        promotions: PromotionSource,
        images: ImageProcessor,
        storage: Storage,
        photo_targets: PhotoTargets = PRODUCT_TARGET,
    ) -> CatalogueModule:
        return cls(
            reader=CatalogueReader(queries, promotions),
            create_category=CreateCategory(uow, clock),
            update_category=UpdateCategory(uow),
            delete_category=DeleteCategory(uow),
            create_product=CreateProduct(uow, clock),
            update_product=UpdateProduct(uow, clock),
            delete_product=DeleteProduct(uow, storage),
            create_promotion=CreatePromotion(uow, clock),
            update_promotion=UpdatePromotion(uow),
            delete_promotion=DeletePromotion(uow),
            add_photo=AddPhoto(uow, clock, images, storage, photo_targets),
            delete_photo=DeletePhoto(uow, storage),
            upload_image=UploadImage(uow, clock, images, storage),
        )
