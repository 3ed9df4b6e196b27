"""A deleted account receives nothing more: its active subscriptions are cancelled (and e-mailed
before the address is erased). Their history stays with the orders and payments."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from chezflora.application.subscriptions.changes import CancelSubscription
from chezflora.application.subscriptions.ports import SubscriptionUnitOfWork
from chezflora.application.unit_of_work import UnitOfWork


class SubscriptionPersonalData:
    def erase(self, uow: UnitOfWork, user_id: int, now: datetime) -> None:
        subscriptions = cast(SubscriptionUnitOfWork, uow)
        for subscription_id in subscriptions.subscriptions.active_for_client(user_id):
            CancelSubscription.within(subscriptions, subscription_id, now)
