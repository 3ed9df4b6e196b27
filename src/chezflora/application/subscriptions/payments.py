"""What a subscription does when one of its payments moves (plugged into shopping's payments).

- `simuler` of a subscription payment marks the subscription paid (annuel `paye_complet`,
  others `paye_mensuel`), in the payment's own transaction: deliveries resume at once.
- `rembourser` cancels the subscription while it is still active (decisions §4: "cancelling what
  it paid for when that is still possible"): no further deliveries or bills, its unpaid bills
  dropped, the client e-mailed; orders already generated stay (they are cancelled, if need be,
  through their own endpoints). Refunding a payment of a cancelled subscription changes nothing
  more than the payment.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from chezflora.application.subscriptions.billing import MarkSubscriptionPaid
from chezflora.application.subscriptions.changes import CancelSubscription
from chezflora.application.subscriptions.ports import SubscriptionUnitOfWork
from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.payment import Payment


def _with_subscriptions(uow: UnitOfWork) -> SubscriptionUnitOfWork:
    # The composition root hands every use case the same unit of work, which carries the
    # subscription repositories too; shopping's hook port only names what shopping needs.
    return cast(SubscriptionUnitOfWork, uow)


class SubscriptionPaymentHook:
    """Shopping's PaymentHook for `type_transaction == "abonnement"`."""

    def lock(self, uow: UnitOfWork, payment: Payment) -> None:
        # The subscription row first, the payment second: the order cancel and billing use.
        if payment.subscription_id is not None:
            _with_subscriptions(uow).subscriptions.get(payment.subscription_id, for_update=True)

    def paid(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        if payment.subscription_id is not None:
            MarkSubscriptionPaid.within(_with_subscriptions(uow), payment.subscription_id, now)

    def refunded(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        if payment.subscription_id is not None:
            CancelSubscription.within(_with_subscriptions(uow), payment.subscription_id, now)
