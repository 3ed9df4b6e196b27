"""Wire shapes of promotions (reductions as numbers, dates as ISO 8601 instants)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from chezflora.application.catalogue.commands import NewPromotion, PromotionChanges, given_or
from chezflora.application.catalogue.views import PromotionView
from chezflora.domain.catalogue_fields import (
    validate_description,
    validate_flag,
    validate_ids,
    validate_name,
    validate_optional_id,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.pricing import validate_reduction
from chezflora.entrypoints.http.query import parse_instant
from chezflora.entrypoints.http.wire.catalogue import (
    CategoryOut,
    ProductOut,
    category_out,
    product_out,
)
from chezflora.entrypoints.http.wire.fields import FieldReader, checked
from chezflora.entrypoints.http.wire.identity import Body
from chezflora.entrypoints.http.wire.values import present

BAD_DATE = "Date invalide (format ISO 8601 attendu)."


class PromotionOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    description: str | None
    reduction: float
    date_debut: datetime
    date_fin: datetime
    categorie: CategoryOut | None
    produits: list[ProductOut]
    is_active: bool
    date_creation: datetime


def promotion_out(view: PromotionView) -> PromotionOut:
    r = view.record
    return PromotionOut(
        id=r.id,
        nom=r.nom,
        description=r.description,
        reduction=float(r.reduction),
        date_debut=r.date_debut,
        date_fin=r.date_fin,
        categorie=None if r.categorie is None else category_out(r.categorie),
        produits=[product_out(p) for p in view.produits],
        is_active=r.is_active,
        date_creation=r.date_creation,
    )


# --- request body and its commands: the French names end here ---------------------------


class PromotionIn(Body):
    nom: Any = msgspec.UNSET
    description: Any = msgspec.UNSET
    reduction: Any = msgspec.UNSET
    date_debut: Any = msgspec.UNSET
    date_fin: Any = msgspec.UNSET
    categorie_id: Any = msgspec.UNSET
    produit_ids: Any = msgspec.UNSET
    is_active: Any = msgspec.UNSET


def _parsed_dates(body: PromotionIn) -> dict[str, object]:
    """The keys sent, with date_debut and date_fin parsed (a bad one is a 400 of its own)."""
    values = present(body)
    errors: dict[str, list[str]] = {}
    for name in ("date_debut", "date_fin"):
        if name not in values:
            continue
        raw = values[name]
        try:
            if not isinstance(raw, str):
                raise ValueError(raw)
            values[name] = parse_instant(raw.strip())
        except ValueError:
            errors[name] = [BAD_DATE]
    if errors:
        raise InvalidInput(BAD_DATE, fields=errors)
    return values


def _instant(value: object) -> datetime:
    # _parsed_dates put an aware datetime here; anything else is a programming error.
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise TypeError("promotion dates arrive as aware datetimes")
    return value


def _optional_category_id(value: object) -> int | None:
    return validate_optional_id(value, "categorie_id")


def _product_ids(value: object) -> frozenset[int]:
    return validate_ids(value, "produit_ids")


def _promotion_fields(body: PromotionIn, *, partial: bool) -> PromotionChanges:
    fields = FieldReader(_parsed_dates(body))
    read = fields.optional
    # Creating needs these four; absent ones are reported in field order with the others.
    needed = read if partial else fields.demanded
    changes = PromotionChanges(
        name=needed("nom", validate_name),
        description=read("description", validate_description),
        reduction=needed("reduction", validate_reduction),
        starts_at=needed("date_debut", _instant),
        ends_at=needed("date_fin", _instant),
        category_id=read("categorie_id", _optional_category_id),
        product_ids=read("produit_ids", _product_ids),
        is_active=read("is_active", validate_flag),
    )
    fields.raise_errors()
    return changes


def new_promotion(body: PromotionIn) -> NewPromotion:
    """nom, reduction, date_debut and date_fin are required; the rest is optional."""
    sent = _promotion_fields(body, partial=False)
    return NewPromotion(
        name=checked(sent.name),
        reduction=checked(sent.reduction),
        starts_at=checked(sent.starts_at),
        ends_at=checked(sent.ends_at),
        description=given_or(sent.description, None),
        category_id=given_or(sent.category_id, None),
        product_ids=given_or(sent.product_ids, frozenset()),
        is_active=given_or(sent.is_active, True),
    )


def promotion_changes(body: PromotionIn) -> PromotionChanges:
    return _promotion_fields(body, partial=True)
