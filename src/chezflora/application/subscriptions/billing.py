"""Billing subscription periods, and marking them paid when their payment completes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.subscriptions import notices
from chezflora.application.subscriptions.access import load_for
from chezflora.application.subscriptions.ports import (
    SubscriptionUnitOfWork,
    SubscriptionUnitOfWorkFactory,
)
from chezflora.domain.errors import Forbidden
from chezflora.domain.payment import Payment
from chezflora.domain.subscription import Subscription

ADMIN_ONLY = "Réservé aux administrateurs"


@dataclass(frozen=True, slots=True)
class BillingReport:
    billed: int = 0
    payment_ids: tuple[int, ...] = ()


def bill(
    uow: SubscriptionUnitOfWork, subscription: Subscription, now: datetime, tz: ZoneInfo
) -> int:
    """Bill the next period of a locked subscription: a `simule` payment of `prix`, the
    period unpaid until it completes, the next billing date advanced, the client e-mailed."""
    period = subscription.bill_next_period(tz)
    payment = Payment.for_subscription(
        subscription.id,
        subscription.client_id,
        subscription.prix,
        f"Abonnement {subscription.type.value} : période du {period.isoformat()}",
        now,
    )
    uow.payments.add(payment)
    assert payment.id is not None
    uow.subscriptions.save(subscription, now)
    client = notices.client_of(uow, subscription)
    uow.outbox.add(notices.billed(client, subscription, period, payment.id))
    return payment.id


class BillSubscription:
    """Admin: bill the next period now, even before its date (never the first period again)."""

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self, actor: Viewer, subscription_id: int) -> int:
        if not actor.is_admin:
            raise Forbidden(ADMIN_ONLY)
        now = self._clock.now()
        with self._uow() as uow:
            payment_id = bill(uow, load_for(uow, subscription_id, actor), now, self._tz)
            uow.commit()
        return payment_id


class BillDueSubscriptions:
    """Daily job: every active, paid subscription whose next billing date is reached is billed,
    one transaction per subscription with its row locked."""

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self) -> BillingReport:
        now = self._clock.now()
        with self._uow() as uow:
            candidates = uow.subscriptions.due_for_billing(now)
        payments: list[int] = []
        for subscription_id in candidates:
            with self._uow() as uow:
                subscription = uow.subscriptions.get(subscription_id, for_update=True)
                if subscription is None or not subscription.is_due_for_billing(now, self._tz):
                    continue
                payments.append(bill(uow, subscription, now, self._tz))
                uow.commit()
        return BillingReport(len(payments), tuple(payments))


class MarkSubscriptionPaid:
    """A subscription payment completed: annuel `paye_complet`, others `paye_mensuel`.

    The payment flow calls `within(uow, ...)` inside its own transaction (atomic with the
    payment), or the instance on its own.
    """

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, subscription_id: int) -> Subscription:
        with self._uow() as uow:
            subscription = self.within(uow, subscription_id, self._clock.now())
            uow.commit()
        return subscription

    @staticmethod
    def within(uow: SubscriptionUnitOfWork, subscription_id: int, now: datetime) -> Subscription:
        subscription = load_for(uow, subscription_id, None)
        subscription.mark_paid()
        uow.subscriptions.save(subscription, now)
        return subscription
