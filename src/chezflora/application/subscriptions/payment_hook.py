"""What a subscription does when one of its period payments is simulated or refunded.

Shopping's `SimulatePayment`/`RefundPayment` call it (decisions.md §4): `simuler` marks the
period paid (`paye_mensuel`, `paye_complet` for `annuel`) so deliveries go on; `rembourser`
cancels the subscription while it is still active ("cancelling what it paid for when that is
still possible"), in the same transaction as the payment's move.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from chezflora.application.subscriptions.billing import MarkSubscriptionPaid
from chezflora.application.subscriptions.changes import cancel_within
from chezflora.application.subscriptions.ports import SubscriptionUnitOfWork
from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.payment import Payment


def _subscriptions(uow: UnitOfWork) -> SubscriptionUnitOfWork:
    # The shop has one unit of work carrying every feature's repositories; the payment flow
    # only knows the shared protocol.
    return cast(SubscriptionUnitOfWork, uow)


class SubscriptionPaymentHook:
    """Satisfies shopping's `PaymentHook` for `type_transaction == "abonnement"`."""

    def lock(self, uow: UnitOfWork, payment: Payment) -> None:
        """The subscription's lock before the payment's, as billing takes them."""
        if payment.subscription_id is not None:
            _subscriptions(uow).subscriptions.get(payment.subscription_id, for_update=True)

    def paid(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        if payment.subscription_id is not None:
            MarkSubscriptionPaid.within(_subscriptions(uow), payment.subscription_id, now)

    def refunded(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        if payment.subscription_id is None:
            return
        subscriptions = _subscriptions(uow)
        subscription = subscriptions.subscriptions.get(payment.subscription_id, for_update=True)
        if subscription is not None and subscription.is_active:
            cancel_within(subscriptions, subscription, now)
