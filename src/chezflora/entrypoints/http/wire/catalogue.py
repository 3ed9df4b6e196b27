"""Wire shapes of categories, products and photos (money as numbers); promotions: promotions.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from chezflora.application.catalogue.commands import (
    CategoryChanges,
    NewCategory,
    NewProduct,
    ProductChanges,
    given_or,
)
from chezflora.application.catalogue.views import (
    CategoryView,
    LowStockReport,
    PhotoView,
    ProductStats,
    ProductView,
)
from chezflora.domain.catalogue_fields import (
    validate_description,
    validate_flag,
    validate_id,
    validate_ids,
    validate_name,
    validate_price,
    validate_stock,
)
from chezflora.entrypoints.http.wire.fields import FieldReader, checked, named_fields
from chezflora.entrypoints.http.wire.identity import Body
from chezflora.entrypoints.http.wire.values import number, present


class CategoryOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    description: str | None
    is_active: bool
    date_creation: datetime
    produits_count: int


class Brief(msgspec.Struct, kw_only=True):
    id: int
    nom: str


class PhotoOut(msgspec.Struct, kw_only=True):
    id: int
    image: str
    uploaded_at: datetime
    entity_type: str
    entity_id: int


class ProductOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    description: str
    prix: float
    stock: int
    photos: list[PhotoOut]
    categorie: Brief
    promotions: list[Brief]
    is_active: bool
    date_creation: datetime
    date_mise_a_jour: datetime
    prix_reduit: float


def category_out(view: CategoryView) -> CategoryOut:
    return CategoryOut(
        id=view.id,
        nom=view.nom,
        description=view.description,
        is_active=view.is_active,
        date_creation=view.date_creation,
        produits_count=view.produits_count,
    )


def photo_out(view: PhotoView) -> PhotoOut:
    return PhotoOut(
        id=view.id,
        image=view.image,
        uploaded_at=view.uploaded_at,
        entity_type=view.entity_type,
        entity_id=view.entity_id,
    )


def product_out(view: ProductView) -> ProductOut:
    r = view.record
    return ProductOut(
        id=r.id,
        nom=r.nom,
        description=r.description,
        prix=number(r.prix),
        stock=r.stock,
        photos=[photo_out(p) for p in r.photos],
        categorie=Brief(id=r.categorie_id, nom=r.categorie_nom),
        promotions=[Brief(id=p.id, nom=p.nom) for p in r.promotions],
        is_active=r.is_active,
        date_creation=r.date_creation,
        date_mise_a_jour=r.date_mise_a_jour,
        prix_reduit=number(view.prix_reduit),
    )


def low_stock_out(report: LowStockReport) -> dict[str, Any]:
    return {
        "seuil": report.seuil,
        "total_low_stock": report.items.total,
        "products": [
            {"id": i.id, "nom": i.nom, "stock": i.stock, "categorie__nom": i.categorie_nom}
            for i in report.items.items
        ],
    }


def stats_out(stats: ProductStats) -> dict[str, Any]:
    return {
        "total_products": stats.total_products,
        "active_products": stats.active_products,
        "low_stock_products": stats.low_stock_products,
        "total_sales": number(stats.total_sales),
        "sales_by_product": [
            {"produit_id": s.produit_id, "nom": s.nom, "total_sales": number(s.total_sales)}
            for s in stats.sales_by_product
        ],
        "stock_by_category": [
            {"categorie_nom": c.categorie_nom, "total_stock": c.total_stock}
            for c in stats.stock_by_category
        ],
        "low_stock_details": [
            {"id": i.id, "nom": i.nom, "stock": i.stock} for i in stats.low_stock_details
        ],
    }


# --- request bodies: every key optional here, the use cases decide what is required --------


class CategoryIn(Body):
    nom: Any = msgspec.UNSET
    description: Any = msgspec.UNSET
    is_active: Any = msgspec.UNSET


class ProductIn(Body):
    nom: Any = msgspec.UNSET
    description: Any = msgspec.UNSET
    prix: Any = msgspec.UNSET
    stock: Any = msgspec.UNSET
    categorie_id: Any = msgspec.UNSET
    promotions: Any = msgspec.UNSET
    is_active: Any = msgspec.UNSET


# --- request bodies → commands: the French names end here ---------------------------------


def new_category(body: CategoryIn) -> NewCategory:
    sent = named_fields(body, validate_description, creating=True)
    return NewCategory(
        name=checked(sent.name),
        description=checked(sent.description),
        is_active=given_or(sent.is_active, True),
    )


def category_changes(body: CategoryIn) -> CategoryChanges:
    sent = named_fields(body, validate_description, creating=False)
    return CategoryChanges(name=sent.name, description=sent.description, is_active=sent.is_active)


def _category_id(value: object) -> int:
    return validate_id(value, "categorie_id")


def _promotion_ids(value: object) -> frozenset[int]:
    return validate_ids(value, "promotions")


def new_product(body: ProductIn) -> NewProduct:
    """Every field checked and every failure reported at once; categorie_id is required."""
    fields = FieldReader(present(body))
    name = fields.required("nom", validate_name)
    description = fields.required("description", validate_description)
    price = fields.required("prix", validate_price)
    stock = fields.required("stock", validate_stock)
    category_id = fields.optional("categorie_id", _category_id)
    is_active = fields.optional("is_active", validate_flag, null_is_absent=True)
    promotion_ids = fields.optional("promotions", _promotion_ids)
    if not fields.sent("categorie_id"):
        fields.missing("categorie_id")
    fields.raise_errors()
    return NewProduct(
        name=checked(name),
        description=checked(description),
        price=checked(price),
        stock=checked(stock),
        category_id=checked(category_id),
        is_active=given_or(is_active, True),
        promotion_ids=given_or(promotion_ids, frozenset()),
    )


def product_changes(body: ProductIn) -> ProductChanges:
    fields = FieldReader(present(body))
    changes = ProductChanges(
        name=fields.optional("nom", validate_name),
        description=fields.optional("description", validate_description),
        price=fields.optional("prix", validate_price),
        stock=fields.optional("stock", validate_stock),
        category_id=fields.optional("categorie_id", _category_id),
        is_active=fields.optional("is_active", validate_flag, null_is_absent=True),
        promotion_ids=fields.optional("promotions", _promotion_ids),
    )
    fields.raise_errors()
    return changes
