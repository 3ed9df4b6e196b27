"""Wire shapes of carts, addresses, orders, payments, wishlists (French names, money numbers)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from chezflora.application.shopping.views import (
    AddressView,
    CartItemView,
    CartView,
    ClientBrief,
    OrderLineView,
    OrderView,
    PaymentView,
    ProductCard,
    WishlistView,
)
from chezflora.domain.money import Money
from chezflora.entrypoints.http.wire.identity import Body, UserBrief


def number(money: Money) -> float:
    """A 2-place Decimal as a JSON number: float() of it prints exactly the stored digits."""
    return float(money.amount)


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


class ProductBrief(msgspec.Struct, kw_only=True):
    id: int | None
    nom: str


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


class OrderLineOut(msgspec.Struct, kw_only=True):
    id: int
    commande: int
    produit: ProductBrief
    produit_nom: str
    quantite: int
    prix_unitaire: float
    date_creation: datetime


class PaymentOut(msgspec.Struct, kw_only=True):
    id: int
    type_transaction: str
    methode_paiement: str | None
    montant: float
    date: datetime
    statut: str
    details: str | None
    is_active: bool
    commande: int | None
    abonnement: int | None
    atelier: int | None
    utilisateur: UserBrief
    date_mise_a_jour: datetime


class OrderOut(msgspec.Struct, kw_only=True):
    id: int
    client: UserBrief
    date: datetime
    statut: str
    total: float
    lignes: list[OrderLineOut]
    is_active: bool
    date_mise_a_jour: datetime
    adresse: AddressOut | None
    paiement: PaymentOut | None


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


def order_line_out(line: OrderLineView) -> OrderLineOut:
    return OrderLineOut(
        id=line.id,
        commande=line.order_id,
        produit=ProductBrief(id=line.product_id, nom=line.product_name),
        produit_nom=line.product_name,
        quantite=line.quantity,
        prix_unitaire=number(line.unit_price),
        date_creation=line.created_at,
    )


def payment_out(payment: PaymentView) -> PaymentOut:
    return PaymentOut(
        id=payment.id,
        type_transaction=payment.kind,
        methode_paiement=payment.method,
        montant=number(payment.amount),
        date=payment.created_at,
        statut=payment.status,
        details=payment.details,
        is_active=payment.is_active,
        commande=payment.order_id,
        abonnement=payment.subscription_id,
        atelier=payment.workshop_id,
        utilisateur=user_brief(payment.payer),
        date_mise_a_jour=payment.updated_at,
    )


def order_out(order: OrderView) -> OrderOut:
    return OrderOut(
        id=order.id,
        client=user_brief(order.client),
        date=order.placed_at,
        statut=order.status,
        total=number(order.total),
        lignes=[order_line_out(line) for line in order.lines],
        is_active=order.is_active,
        date_mise_a_jour=order.updated_at,
        adresse=None if order.address is None else address_out(order.address),
        paiement=None if order.payment is None else payment_out(order.payment),
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
    produit_id: int | None = None
    quantite: int = 1


class ProductIdIn(Body):
    produit_id: int | None = None


class CheckoutIn(Body):
    adresse_id: int | None = None


class AddressIn(Body):
    nom: str | msgspec.UnsetType | None = msgspec.UNSET
    rue: str | msgspec.UnsetType | None = msgspec.UNSET
    ville: str | msgspec.UnsetType | None = msgspec.UNSET
    code_postal: str | msgspec.UnsetType | None = msgspec.UNSET
    pays: str | msgspec.UnsetType | None = msgspec.UNSET
    is_default: bool | msgspec.UnsetType = msgspec.UNSET

    def present(self) -> dict[str, object]:
        """Only the keys the client sent (PUT is partial too)."""
        return {
            name: value
            for name, value in msgspec.structs.asdict(self).items()
            if value is not msgspec.UNSET
        }


class OrderChangeIn(Body):
    """Only the status (and, for admins, the archive flag) can change; totals and lines never."""

    statut: str | None = None
    is_active: bool | None = None
