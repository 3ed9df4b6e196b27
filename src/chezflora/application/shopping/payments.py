"""Simulated payments: `simuler` completes one, `rembourser` refunds one; the paid thing follows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.common import (
    amount,
    ensure_visible,
    notify_user,
    remember_caller,
    retrying,
)
from chezflora.application.shopping.orders import cancel_order, move_order
from chezflora.application.shopping.views import ClientBrief, PaymentView
from chezflora.application.unit_of_work import UnitOfWork, UnitOfWorkFactory
from chezflora.domain.errors import IllegalTransition, NotFound
from chezflora.domain.order import status_after_payment
from chezflora.domain.payment import (
    Payment,
    PaymentStatus,
    TransactionType,
    refund,
    refund_cancels_order,
    simulate,
)

PAYMENT_NOT_FOUND = "Paiement non trouvé"


class PaymentHook(Protocol):
    """What a kind of paid thing (order, subscription, workshop seat) does when paid or refunded.

    `lock` runs before the payment row is locked, so every path takes the paid thing's lock
    first and the payment's second (cancel takes them in that order too): no deadlock.
    """

    def lock(self, uow: UnitOfWork, payment: Payment) -> None: ...
    def paid(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None: ...
    def refunded(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None: ...


class OrderPaymentHook:
    """A paid order moves en_attente → en_cours; a refund cancels it if it has not shipped."""

    def lock(self, uow: UnitOfWork, payment: Payment) -> None:
        if payment.order_id is not None:
            uow.orders.get(payment.order_id, for_update=True)

    def paid(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        order = None if payment.order_id is None else uow.orders.get(payment.order_id)
        if order is not None and status_after_payment(order.status) != order.status:
            move_order(uow, order, status_after_payment(order.status), now)

    def refunded(self, uow: UnitOfWork, payment: Payment, now: datetime) -> None:
        order = None if payment.order_id is None else uow.orders.get(payment.order_id)
        if order is not None and refund_cancels_order(order.status):
            cancel_order(uow, order, now)


Hooks = Mapping[TransactionType, PaymentHook]


def _load(uow: UnitOfWork, payment_id: int, hooks: Hooks) -> tuple[Payment, PaymentHook | None]:
    """The payment and its hook, the paid thing locked. The payment row itself is not locked
    here: its status moves by a conditional UPDATE (`_move`), which is the check and the lock."""
    payment = uow.payments.get(payment_id)
    if payment is None:
        raise NotFound(PAYMENT_NOT_FOUND)
    hook = hooks.get(payment.kind)
    if hook is not None:
        hook.lock(uow, payment)
    return payment, hook


def payment_view(uow: UnitOfWork, payment: Payment) -> PaymentView:
    """The payment as answered, from what the transaction holds (the payer read once)."""
    assert payment.id is not None
    payer = uow.users.contact(payment.payer_id)
    brief = (
        ClientBrief(payment.payer_id, "", "")
        if payer is None
        else ClientBrief(payer.id, payer.username, payer.email)
    )
    return PaymentView(
        id=payment.id,
        payer=brief,
        kind=payment.kind.value,
        amount=payment.amount,
        status=payment.status.value,
        order_id=payment.order_id,
        subscription_id=payment.subscription_id,
        workshop_id=payment.workshop_id,
        created_at=payment.created_at,
        updated_at=payment.updated_at,
        details=payment.details,
        method=payment.method,
        is_active=payment.is_active,
    )


class SimulatePayment:
    """Owner (the paying user) or admin: simule → effectue (else 409); the paid thing moves on."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hooks: Hooks) -> None:
        self._uow, self._clock, self._hooks = uow, clock, hooks

    def __call__(self, actor: Viewer, payment_id: int) -> PaymentView:
        return retrying(lambda: self._once(actor, payment_id))

    def _once(self, actor: Viewer, payment_id: int) -> PaymentView:
        now = self._clock.now()
        with self._uow() as uow:
            remember_caller(uow, actor)
            payment, hook = _load(uow, payment_id, self._hooks)
            ensure_visible(payment.payer_id, actor.user_id, actor.is_admin, PAYMENT_NOT_FOUND)
            _move(uow, payment, simulate(payment.status), now)
            if hook is not None:
                hook.paid(uow, payment, now)
            view = payment_view(uow, payment)
            uow.commit()
        return view


class RefundPayment:
    """Admin: simule | effectue → rembourse (else 409); cancels what it paid for if possible."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hooks: Hooks) -> None:
        self._uow, self._clock, self._hooks = uow, clock, hooks

    def __call__(self, payment_id: int) -> None:
        retrying(lambda: self._once(payment_id))

    def _once(self, payment_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            payment, hook = _load(uow, payment_id, self._hooks)
            _move(uow, payment, refund(payment.status), now)
            if hook is not None:
                hook.refunded(uow, payment, now)
            notify_user(
                uow,
                payment.payer_id,
                "payment_refunded",
                paiement_id=payment.id,
                montant=amount(payment.amount),
                type_transaction=payment.kind.value,
            )
            uow.commit()


def _move(uow: UnitOfWork, payment: Payment, target: PaymentStatus, now: datetime) -> None:
    assert payment.id is not None
    if not uow.payments.move(payment.id, payment.status, target, now):
        # It moved since we read it: name the status it has now.
        current = uow.payments.get(payment.id)
        status = payment.status if current is None else current.status
        raise IllegalTransition("paiement", str(status), str(target))
    payment.status, payment.updated_at = target, now
