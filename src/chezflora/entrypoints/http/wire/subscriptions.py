"""Wire shapes of subscriptions (abonnements), and parsing of their French inputs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import msgspec

from chezflora.application.subscriptions.queries import (
    BasketLineView,
    SubscriptionStats,
    SubscriptionView,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.subscription import PaymentState, SubscriptionType
from chezflora.entrypoints.http.wire.identity import Body
from chezflora.entrypoints.http.wire.values import Id, number

BAD_DATE = "Date invalide (format AAAA-MM-JJ attendu)."
BAD_TYPE = "Type inconnu : mensuel, hebdomadaire ou annuel."
BAD_PAYMENT_STATE = "Statut de paiement inconnu : non_paye, paye_mensuel ou paye_complet."


class LineIn(Body):
    produit_id: Id
    quantite: int = 1


class SubscriptionIn(Body):
    type: str
    produit_quantites: list[LineIn]
    date_debut: str
    date_fin: str | None = None
    client_id: Id | None = None


class SubscriptionPatch(Body):
    """Partial update. `prix` and the next dates are computed: admins' forms echo them (they
    are ignored), clients may not send them, nor `is_active`, `paiement_statut`, `client_id`."""

    type: str | None = None
    date_debut: str | None = None
    date_fin: str | msgspec.UnsetType | None = msgspec.UNSET
    produit_quantites: list[LineIn] | None = None
    is_active: bool | None = None
    paiement_statut: str | None = None
    client_id: Id | None = None
    prix: Any = None
    prochaine_livraison: Any = None
    prochaine_facturation: Any = None


ADMIN_ONLY_FIELDS = (
    "is_active",
    "paiement_statut",
    "client_id",
    "prix",
    "prochaine_livraison",
    "prochaine_facturation",
)


class PhotoOut(msgspec.Struct, kw_only=True):
    id: int
    image: str
    uploaded_at: datetime


class ProductBriefOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    prix: float
    photos: list[PhotoOut]


class BasketLineOut(msgspec.Struct, kw_only=True):
    produit: ProductBriefOut
    quantite: int


class ClientOut(msgspec.Struct, kw_only=True):
    id: int
    username: str


class SubscriptionOut(msgspec.Struct, kw_only=True):
    id: int
    type: str
    date_debut: date
    date_fin: date | None
    abonnement_produits: list[BasketLineOut]
    client: ClientOut
    prochaine_facturation: datetime | None
    prix: float
    is_active: bool
    date_creation: datetime
    date_mise_a_jour: datetime
    prochaine_livraison: datetime | None
    paiement_statut: str


class TypeCountOut(msgspec.Struct):
    type: str
    total: int


class StatsOut(msgspec.Struct, kw_only=True):
    total_abonnements: int
    active_abonnements: int
    revenus: float
    abonnements_by_type: list[TypeCountOut]


class StatusOut(msgspec.Struct, kw_only=True, omit_defaults=True):
    status: str
    commande_id: int | None = None
    paiement_id: int | None = None


def subscription_out(view: SubscriptionView) -> SubscriptionOut:
    return SubscriptionOut(
        id=view.id,
        type=view.type,
        date_debut=view.date_debut,
        date_fin=view.date_fin,
        abonnement_produits=[_line_out(line) for line in view.lines],
        client=ClientOut(id=view.client_id, username=view.client_username),
        prochaine_facturation=view.prochaine_facturation,
        prix=number(view.prix),
        is_active=view.is_active,
        date_creation=view.date_creation,
        date_mise_a_jour=view.date_mise_a_jour,
        prochaine_livraison=view.prochaine_livraison,
        paiement_statut=view.paiement_statut,
    )


def _line_out(line: BasketLineView) -> BasketLineOut:
    photos = [PhotoOut(id=p.id, image=p.image, uploaded_at=p.uploaded_at) for p in line.photos]
    product = ProductBriefOut(
        id=line.product_id, nom=line.nom, prix=number(line.prix), photos=photos
    )
    return BasketLineOut(produit=product, quantite=line.quantite)


def stats_out(stats: SubscriptionStats) -> StatsOut:
    return StatsOut(
        total_abonnements=stats.total_abonnements,
        active_abonnements=stats.active_abonnements,
        revenus=number(stats.revenus),
        abonnements_by_type=[TypeCountOut(c.type, c.total) for c in stats.abonnements_by_type],
    )


def day(name: str, value: str) -> date:
    """`YYYY-MM-DD` (a full ISO datetime is cut to its date, as forms sometimes send one)."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InvalidInput.on_field(name, BAD_DATE) from None


def kind(value: str, name: str = "type") -> SubscriptionType:
    try:
        return SubscriptionType(value)
    except ValueError:
        raise InvalidInput.on_field(name, BAD_TYPE) from None


def payment_state(value: str) -> PaymentState:
    try:
        return PaymentState(value)
    except ValueError:
        raise InvalidInput.on_field("paiement_statut", BAD_PAYMENT_STATE) from None


def lines(items: list[LineIn]) -> list[tuple[int, int]]:
    return [(item.produit_id, item.quantite) for item in items]
