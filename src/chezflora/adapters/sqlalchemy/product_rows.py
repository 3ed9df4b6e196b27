"""The one mapping of a `products` row to the domain `Product` (repositories and reads share it)."""

from __future__ import annotations

from typing import Any

from chezflora.domain.catalogue import Product
from chezflora.domain.money import Money


def product_of(row: Any) -> Product:
    return Product(
        id=row.id,
        name=row.nom,
        description=row.description,
        price=Money(row.prix),
        stock=row.stock,
        category_id=row.categorie_id,
        is_active=row.is_active,
    )
