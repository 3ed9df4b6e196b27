"""Simulated payments: `simuler` completes one, `rembourser` refunds one; the paid thing follows."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Protocol

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.common import amount, ensure_visible, notify_user, retrying
from chezflora.application.shopping.orders import cancel_order, move_order
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
    found = uow.payments.get(payment_id)
    if found is None:
        raise NotFound(PAYMENT_NOT_FOUND)
    hook = hooks.get(found.kind)
    if hook is not None:
        hook.lock(uow, found)
    payment = uow.payments.get(payment_id, for_update=True)
    assert payment is not None
    return payment, hook


class SimulatePayment:
    """Owner (the paying user) or admin: simule → effectue (else 409); the paid thing moves on."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hooks: Hooks) -> None:
        self._uow, self._clock, self._hooks = uow, clock, hooks

    def __call__(self, actor: Viewer, payment_id: int) -> None:
        retrying(lambda: self._once(actor, payment_id))

    def _once(self, actor: Viewer, payment_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            payment, hook = _load(uow, payment_id, self._hooks)
            ensure_visible(payment.payer_id, actor.user_id, actor.is_admin, PAYMENT_NOT_FOUND)
            _move(uow, payment, simulate(payment.status), now)
            if hook is not None:
                hook.paid(uow, payment, now)
            uow.commit()


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
        raise IllegalTransition("paiement", str(payment.status), str(target))
    payment.status = target
