"""Subscription use cases and jobs, grouped for the composition root.

Decisions (beyond decisions.md §5):
- DELETE removes a subscription without history (no order, no completed payment) together
  with its unpaid `simule` bills; one with history is cancelled instead (204 both ways).
- Cancelling deletes the unpaid `simule` bills; completed payments stay for `rembourser`.
- Period payments are ordinary payments (`/api/paiements/`): `simuler` marks the subscription
  paid, `rembourser` cancels it while it is active (SubscriptionPaymentHook, payments.py).
- Deliveries are ordinary orders, written by shopping's repositories.
- Every period payment is recorded for the subscription's client (also when an admin opens
  the subscription for them), so the client can pay it.
- A new bill starts an unpaid period: deliveries pause until it is paid, and an unpaid
  subscription is not billed again. Admin `facturer` bills the next period even early.
- The hourly job serves one delivery date per subscription per run (a late scheduler
  catches up one date an hour); short stock e-mails the admins at every retry.
- Refunding a subscription payment (`rembourser`) cancels the subscription while it is
  active; simulating it (`simuler`) marks the period paid (payments.py).
- Type and date_debut never change (the calendars hang on them); `prix` and the next dates
  sent by the admin form are ignored (computed), refused from clients.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from chezflora.application.ports import Clock
from chezflora.application.subscriptions.billing import (
    BillDueSubscriptions,
    BillingReport,
    BillSubscription,
    MarkSubscriptionPaid,
)
from chezflora.application.subscriptions.changes import (
    CancelSubscription,
    DeleteSubscription,
    SubscriptionChanges,
    UpdateSubscription,
)
from chezflora.application.subscriptions.creation import CreateSubscription, NewSubscription
from chezflora.application.subscriptions.delivery import (
    GenerateDueSubscriptionOrders,
    GenerateSubscriptionOrder,
    GenerationReport,
)
from chezflora.application.subscriptions.payments import SubscriptionPaymentHook
from chezflora.application.subscriptions.ports import SubscriptionUnitOfWorkFactory
from chezflora.application.subscriptions.queries import SubscriptionQueries

__all__ = [
    "BillingReport",
    "GenerationReport",
    "NewSubscription",
    "SubscriptionChanges",
    "SubscriptionsModule",
]


@dataclass(frozen=True)
class SubscriptionsModule:
    create: CreateSubscription
    update: UpdateSubscription
    cancel: CancelSubscription
    delete: DeleteSubscription
    generate_order: GenerateSubscriptionOrder
    bill: BillSubscription
    mark_paid: MarkSubscriptionPaid
    generate_due_orders: GenerateDueSubscriptionOrders
    bill_due: BillDueSubscriptions
    payment_hook: SubscriptionPaymentHook
    queries: SubscriptionQueries
    tz: ZoneInfo

    @classmethod
    def build(
        cls,
        uow: SubscriptionUnitOfWorkFactory,
        clock: Clock,
        tz: ZoneInfo,
        queries: SubscriptionQueries,
    ) -> SubscriptionsModule:
        return cls(
            create=CreateSubscription(uow, clock, tz),
            update=UpdateSubscription(uow, clock),
            cancel=CancelSubscription(uow, clock),
            delete=DeleteSubscription(uow, clock),
            generate_order=GenerateSubscriptionOrder(uow, clock, tz),
            bill=BillSubscription(uow, clock, tz),
            mark_paid=MarkSubscriptionPaid(uow, clock),
            generate_due_orders=GenerateDueSubscriptionOrders(uow, clock, tz),
            bill_due=BillDueSubscriptions(uow, clock, tz),
            payment_hook=SubscriptionPaymentHook(),
            queries=queries,
            tz=tz,
        )
