"""Opening a subscription: priced on base prices, first period billed at once (unpaid)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.subscriptions import notices
from chezflora.application.subscriptions.ports import (
    SubscriptionUnitOfWorkFactory,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.payment import Payment
from chezflora.domain.subscription import Subscription, SubscriptionType, open_subscription
from chezflora.domain.subscription_rules import require_deliverable

OWN_ONLY = "Vous ne pouvez créer un abonnement que pour vous-même."
UNKNOWN_CLIENT = "Client introuvable."


@dataclass(frozen=True, slots=True)
class NewSubscription:
    kind: SubscriptionType
    date_debut: date
    date_fin: date | None
    lines: Sequence[tuple[int, int]]
    client_id: int | None = None


class CreateSubscription:
    """Open a subscription for the caller (admins: for any client via `client_id`).

    - Start today or later (shop time zone) and within 5 years, end after start and within 5
      years, ≥ 1 active product, quantities in [1, 1000] and within the product's stock.
    - Price per period on base prices (no promotion); first delivery on date_debut.
    - Records a `simule` payment of the first period paid by the client; `non_paye` until paid.
    - E-mails the client.
    """

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self, actor: Viewer, command: NewSubscription) -> Subscription:
        client_id = self._client_of(actor, command)
        now = self._clock.now()
        with self._uow() as uow:
            client = uow.users.get(client_id)
            if client is None or client.deleted_at is not None:
                raise InvalidInput.on_field("client_id", UNKNOWN_CLIENT)
            found = uow.stock.products(product_id for product_id, _ in command.lines)
            subscription = open_subscription(
                id=0,
                client_id=client_id,
                kind=command.kind,
                date_debut=command.date_debut,
                date_fin=command.date_fin,
                lines=command.lines,
                unit_prices={pid: p.price for pid, p in found.items() if p.is_active},
                now=now,
                tz=self._tz,
            )
            require_deliverable(command.lines, {p: (i.name, i.stock) for p, i in found.items()})
            uow.subscriptions.add(subscription, now)
            payment = Payment.for_subscription(
                subscription.id,
                client_id,
                subscription.prix,
                f"Première période de l'abonnement {subscription.type.value}",
                now,
            )
            uow.payments.add(payment)
            assert payment.id is not None
            uow.outbox.add(notices.created(client, subscription, payment.id))
            uow.commit()
        return subscription

    @staticmethod
    def _client_of(actor: Viewer, command: NewSubscription) -> int:
        if command.client_id is None or command.client_id == actor.user_id:
            return actor.user_id
        if not actor.is_admin:
            raise InvalidInput.on_field("client_id", OWN_ONLY)
        return command.client_id
