"""Catalogue entities: categories and products, what makes stock low, and their error messages."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.domain.money import Money

# SEUIL_STOCK_FAIBLE when the parameter is absent (decisions.md §3); parameter.py reads it.
DEFAULT_LOW_STOCK_THRESHOLD = 5

CATEGORY_NOT_FOUND = "Catégorie introuvable."
CATEGORY_NAME_TAKEN = "Une catégorie avec ce nom existe déjà."
CATEGORY_NOT_EMPTY = "Catégorie non vide"
PRODUCT_NOT_FOUND = "Produit non trouvé"
PROMOTION_NOT_FOUND = "Promotion non trouvée"
PROMOTION_NAME_TAKEN = "Une promotion avec ce nom existe déjà."
PRODUCT_IN_USE = "Produit utilisé par un abonnement : désactivez-le plutôt."


@dataclass(frozen=True, slots=True)
class Category:
    """A product family; inactive ones are hidden from non-admins."""

    id: int
    name: str
    description: str = ""
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class Product:
    """A sellable item; its category is read at pricing time (promotions follow it)."""

    id: int
    name: str
    description: str
    price: Money
    stock: int
    category_id: int
    is_active: bool = True


def is_low_stock(stock: int, threshold: int = DEFAULT_LOW_STOCK_THRESHOLD) -> bool:
    """Low stock means at or below SEUIL_STOCK_FAIBLE (frontend-contract.md S22: stock ≤ seuil)."""
    return stock <= threshold
