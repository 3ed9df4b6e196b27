"""Wire shapes of placed orders, their lines and payments (French names, money numbers)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from chezflora.application.shopping.views import OrderLineView, OrderView, PaymentView
from chezflora.entrypoints.http.wire.identity import Body, UserBrief
from chezflora.entrypoints.http.wire.shopping import AddressOut, address_out, user_brief
from chezflora.entrypoints.http.wire.values import number


class ProductBrief(msgspec.Struct, kw_only=True):
    id: int | None
    nom: str


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


# --- request bodies ---------------------------------------------------------------------------


class OrderChangeIn(Body):
    """Only the status (and, for admins, the archive flag) can change; totals and lines never."""

    statut: str | None = None
    is_active: bool | None = None
