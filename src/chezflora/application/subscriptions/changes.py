"""Changing, cancelling and deleting a subscription."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.subscriptions import notices
from chezflora.application.subscriptions.access import load_for
from chezflora.application.subscriptions.ports import (
    SubscriptionUnitOfWork,
    SubscriptionUnitOfWorkFactory,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.subscription import PaymentState, Subscription, SubscriptionType
from chezflora.domain.subscription_rules import require_deliverable

NOT_WRITABLE = "Champ non modifiable."
NO_REACTIVATION = "Un abonnement annulé ne peut pas être réactivé : créez-en un nouveau."
FIXED = "Le {field} d'un abonnement ne change pas : annulez-le et créez-en un nouveau."


@dataclass(frozen=True, slots=True)
class SubscriptionChanges:
    """A partial update: None means "not sent"; `date_fin` applies when `sets_end` (None = no end).

    `kind` and `date_debut` may only repeat the current value (admin forms echo them).
    `paiement_statut` and `is_active` are admin-only (the HTTP layer refuses them to clients).
    """

    lines: Sequence[tuple[int, int]] | None = None
    sets_end: bool = False
    date_fin: date | None = None
    kind: SubscriptionType | None = None
    date_debut: date | None = None
    paiement_statut: PaymentState | None = None
    is_active: bool | None = None
    client_id: int | None = None

    def admin_fields(self) -> list[str]:
        sent = {
            "paiement_statut": self.paiement_statut is not None,
            "is_active": self.is_active is not None,
            "client_id": self.client_id is not None,
        }
        return [name for name, present in sent.items() if present]


class UpdateSubscription:
    """Client or admin: end date and basket (the price follows); admin also payment state.

    - Type and start never change (the calendars hang on them); cancelled ones stay cancelled.
    - Deactivating through an update is a cancellation (the client is e-mailed).
    """

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(
        self, actor: Viewer, subscription_id: int, changes: SubscriptionChanges
    ) -> Subscription:
        now = self._clock.now()
        with self._uow() as uow:
            # Access first: a refused field must not tell whether someone else's record exists.
            subscription = load_for(uow, subscription_id, actor)
            refused = [] if actor.is_admin else changes.admin_fields()
            if refused:
                fields = {name: [NOT_WRITABLE] for name in refused}
                message = f"Vous ne pouvez pas modifier le champ {refused[0]}"
                raise InvalidInput(message, fields=fields)
            _require_unchanged(subscription, changes)
            if changes.sets_end:
                subscription.change_end(changes.date_fin, now.date())
            if changes.lines is not None:
                found = uow.stock.products(p for p, _ in changes.lines)
                prices = {pid: p.price for pid, p in found.items() if p.is_active}
                subscription.change_basket(changes.lines, prices)
                require_deliverable(changes.lines, {p: (i.name, i.stock) for p, i in found.items()})
            if changes.paiement_statut is not None:
                subscription.paiement_statut = changes.paiement_statut
            if changes.is_active is False and subscription.is_active:
                _cancel(uow, subscription)
            uow.subscriptions.save(subscription, now)
            uow.commit()
        return subscription


def _require_unchanged(subscription: Subscription, changes: SubscriptionChanges) -> None:
    if changes.client_id is not None and changes.client_id != subscription.client_id:
        raise InvalidInput.on_field("client_id", "Le client d'un abonnement ne change pas.")
    if changes.kind is not None and changes.kind is not subscription.type:
        raise InvalidInput.on_field("type", FIXED.format(field="type"))
    if changes.date_debut is not None and changes.date_debut != subscription.date_debut:
        raise InvalidInput.on_field("date_debut", FIXED.format(field="début"))
    if changes.is_active is True and not subscription.is_active:
        raise InvalidInput.on_field("is_active", NO_REACTIVATION)


def _cancel(uow: SubscriptionUnitOfWork, subscription: Subscription) -> None:
    """Deactivate, drop the unpaid bills, tell the client. Completed payments stay (refunds
    are the admin's `rembourser`)."""
    subscription.cancel()
    uow.subscription_ledger.drop_pending_payments(subscription.id)
    uow.outbox.add(notices.cancelled(notices.client_of(uow, subscription), subscription))


class CancelSubscription:
    """Owner or admin: deactivate (cancelled already → 409), drop unpaid bills, e-mail."""

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, subscription_id: int) -> Subscription:
        now = self._clock.now()
        with self._uow() as uow:
            subscription = load_for(uow, subscription_id, actor)
            _cancel(uow, subscription)
            uow.subscriptions.save(subscription, now)
            uow.commit()
        return subscription

    @staticmethod
    def within(uow: SubscriptionUnitOfWork, subscription_id: int, now: datetime) -> Subscription:
        """The system cancels (a refund), inside the caller's transaction; already cancelled
        subscriptions are left as they are."""
        subscription = load_for(uow, subscription_id, None)
        if subscription.is_active:
            _cancel(uow, subscription)
            uow.subscriptions.save(subscription, now)
        return subscription


class DeleteSubscription:
    """Owner or admin. Without history (no order, no completed payment) the subscription and
    its unpaid bills are deleted; with history it is cancelled instead, so the accounts keep
    what it delivered and cost (the admin page deletes subscriptions it has used)."""

    def __init__(self, uow: SubscriptionUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, subscription_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            subscription = load_for(uow, subscription_id, actor)
            ledger = uow.subscription_ledger
            if not ledger.has_history(subscription.id):
                ledger.drop_pending_payments(subscription.id)
                uow.subscriptions.delete(subscription.id)
            elif subscription.is_active:
                _cancel(uow, subscription)
                uow.subscriptions.save(subscription, now)
            uow.commit()
