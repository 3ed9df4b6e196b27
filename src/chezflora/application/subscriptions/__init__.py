"""Subscription use cases and jobs, grouped for the composition root."""

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
from chezflora.application.subscriptions.idempotency import IdempotencyKeyStore, RunOnce
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
    queries: SubscriptionQueries
    run_once: RunOnce
    tz: ZoneInfo

    @classmethod
    def build(
        cls,
        uow: SubscriptionUnitOfWorkFactory,
        clock: Clock,
        tz: ZoneInfo,
        queries: SubscriptionQueries,
        keys: IdempotencyKeyStore,
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
            queries=queries,
            run_once=RunOnce(keys, clock),
            tz=tz,
        )
