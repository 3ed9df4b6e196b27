"""Wire shapes of what a client prepares: carts, addresses, wishlists (French names)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from chezflora.application.shopping.views import (
    AddressView,
    CartItemView,
    CartView,
    ClientBrief,
    ProductCard,
    WishlistView,
)
from chezflora.entrypoints.http.wire.identity import Body, UserBrief
from chezflora.entrypoints.http.wire.values import Id, number


class PhotoOut(msgspec.Struct, kw_only=True):
    id: int
    image: str
    uploaded_at: datetime


class CategoryBrief(msgspec.Struct, kw_only=True):
    id: int
    nom: str


class ProductOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    description: str
    prix: float
    prix_reduit: float
    stock: int
    is_active: bool
    categorie: CategoryBrief | None
    photos: list[PhotoOut]


class CartItemOut(msgspec.Struct, kw_only=True):
    id: int
    panier: int
    produit: ProductOut
    quantite: int
    date_ajout: datetime


class CartOut(msgspec.Struct, kw_only=True):
    id: int
    client: UserBrief
    items: list[CartItemOut]
    total: float
    date_creation: datetime
    date_mise_a_jour: datetime


class AddressOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    rue: str
    ville: str
    code_postal: str
    pays: str
    is_default: bool
    client: UserBrief


class WishlistOut(msgspec.Struct, kw_only=True):
    id: int
    client: UserBrief
    produits: list[ProductOut]
    date_creation: datetime
    date_mise_a_jour: datetime


def user_brief(client: ClientBrief) -> UserBrief:
    return UserBrief(id=client.id, username=client.username, email=client.email)


def product_out(card: ProductCard) -> ProductOut:
    category = (
        CategoryBrief(id=card.category_id, nom=card.category_name or "")
        if card.category_id is not None
        else None
    )
    return ProductOut(
        id=card.id,
        nom=card.name,
        description=card.description,
        prix=number(card.price),
        prix_reduit=number(card.effective_price),
        stock=card.stock,
        is_active=card.is_active,
        categorie=category,
        photos=[PhotoOut(id=p.id, image=p.image, uploaded_at=p.uploaded_at) for p in card.photos],
    )


def cart_item_out(item: CartItemView) -> CartItemOut:
    return CartItemOut(
        id=item.id,
        panier=item.cart_id,
        produit=product_out(item.product),
        quantite=item.quantity,
        date_ajout=item.added_at,
    )


def cart_out(cart: CartView) -> CartOut:
    return CartOut(
        id=cart.id,
        client=user_brief(cart.client),
        items=[cart_item_out(i) for i in cart.items],
        total=number(cart.total),
        date_creation=cart.created_at,
        date_mise_a_jour=cart.updated_at,
    )


def address_out(address: AddressView) -> AddressOut:
    return AddressOut(
        id=address.id,
        nom=address.nom,
        rue=address.rue,
        ville=address.ville,
        code_postal=address.code_postal,
        pays=address.pays,
        is_default=address.is_default,
        client=user_brief(address.client),
    )


def wishlist_out(wishlist: WishlistView) -> WishlistOut:
    return WishlistOut(
        id=wishlist.id,
        client=user_brief(wishlist.client),
        produits=[product_out(p) for p in wishlist.products],
        date_creation=wishlist.created_at,
        date_mise_a_jour=wishlist.updated_at,
    )


# --- request bodies ---------------------------------------------------------------------------


class CartLineIn(Body):
    produit_id: Id | None = None
    quantite: int = 1


class ProductIdIn(Body):
    produit_id: Id | None = None


class CheckoutIn(Body):
    adresse_id: Id | None = None


class AddressIn(Body):
    nom: str | msgspec.UnsetType | None = msgspec.UNSET
    rue: str | msgspec.UnsetType | None = msgspec.UNSET
    ville: str | msgspec.UnsetType | None = msgspec.UNSET
    code_postal: str | msgspec.UnsetType | None = msgspec.UNSET
    pays: str | msgspec.UnsetType | None = msgspec.UNSET
    is_default: bool | msgspec.UnsetType = msgspec.UNSET
