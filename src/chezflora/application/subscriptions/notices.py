"""The e-mails of the subscription life cycle (French templates `abonnement_*`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.errors import NotFound
from chezflora.domain.subscription import Subscription
from chezflora.domain.user import User


def client_of(uow: UnitOfWork, subscription: Subscription) -> User:
    client = uow.users.get(subscription.client_id)
    if client is None:
        raise NotFound("Client introuvable")
    return client


def _basics(client: User, subscription: Subscription) -> dict[str, object]:
    return {
        "username": client.username,
        "abonnement_id": subscription.id,
        "type": subscription.type.value,
        "prix": str(subscription.prix.amount),
    }


def created(client: User, subscription: Subscription, payment_id: int) -> OutgoingEmail:
    context = _basics(client, subscription)
    context.update(date_debut=subscription.date_debut.isoformat(), paiement_id=payment_id)
    return OutgoingEmail(client.email, "abonnement_cree", context)


def cancelled(client: User, subscription: Subscription) -> OutgoingEmail:
    return OutgoingEmail(client.email, "abonnement_annule", _basics(client, subscription))


def billed(
    client: User, subscription: Subscription, period_start: date, payment_id: int
) -> OutgoingEmail:
    context = _basics(client, subscription)
    context.update(periode=period_start.isoformat(), paiement_id=payment_id)
    return OutgoingEmail(client.email, "abonnement_facture", context)


def order_generated(
    client: User, subscription: Subscription, order_id: int, delivery: date, total: str
) -> OutgoingEmail:
    context = _basics(client, subscription)
    context.update(commande_id=order_id, date_livraison=delivery.isoformat(), total=total)
    return OutgoingEmail(client.email, "abonnement_commande", context)


def stock_alerts(
    admins: Iterable[User], subscription: Subscription, delivery: date, products: list[str]
) -> list[OutgoingEmail]:
    context: dict[str, object] = {
        "abonnement_id": subscription.id,
        "date_livraison": delivery.isoformat(),
        "produits": ", ".join(products),
    }
    return [
        OutgoingEmail(admin.email, "abonnement_alerte_stock", dict(context)) for admin in admins
    ]
