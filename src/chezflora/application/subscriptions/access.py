"""Who may touch a subscription: its client, or an admin; others are told it does not exist."""

from __future__ import annotations

from chezflora.application.identity.authentication import Viewer
from chezflora.application.subscriptions.ports import SubscriptionUnitOfWork
from chezflora.domain.errors import NotFound
from chezflora.domain.subscription import Subscription

NOT_FOUND = "Abonnement non trouvé"


def load_for(
    uow: SubscriptionUnitOfWork, subscription_id: int, actor: Viewer | None
) -> Subscription:
    """Locked for the transaction; `actor=None` is the system (jobs, payment flow)."""
    subscription = uow.subscriptions.get(subscription_id, for_update=True)
    visible = (
        actor is None
        or actor.is_admin
        or (subscription is not None and subscription.client_id == actor.user_id)
    )
    if subscription is None or not visible:
        raise NotFound(NOT_FOUND)
    return subscription
