"""Order status changes: cancel (owner or admin) and the admin workflow."""

from __future__ import annotations

from datetime import datetime

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.common import amount, ensure_visible, notify_user, retrying
from chezflora.application.unit_of_work import UnitOfWork, UnitOfWorkFactory
from chezflora.domain.errors import Forbidden, IllegalTransition, InvalidInput, NotFound
from chezflora.domain.order import Order, OrderStatus, ensure_transition
from chezflora.domain.payment import settle_on_cancel

ORDER_NOT_FOUND = "Commande non trouvée"
UNKNOWN_STATUS = "Statut inconnu : en_attente, en_cours, expediee, livree ou annulee."
ARCHIVE_ADMIN_ONLY = "Seul un administrateur peut archiver une commande"


def load_order(uow: UnitOfWork, actor: Viewer, order_id: int) -> Order:
    """The order, locked; another client's order does not exist for the caller."""
    order = uow.orders.get(order_id, for_update=True)
    if order is None:
        raise NotFound(ORDER_NOT_FOUND)
    ensure_visible(order.client_id, actor.user_id, actor.is_admin, ORDER_NOT_FOUND)
    return order


def move_order(uow: UnitOfWork, order: Order, target: OrderStatus, now: datetime) -> None:
    """One status move, conditional on the status read; the client is told by e-mail."""
    assert order.id is not None
    if target is OrderStatus.ANNULEE:
        cancel_order(uow, order, now)
        return
    if not uow.orders.move(order.id, order.status, target, now):
        raise IllegalTransition("commande", str(order.status), str(target))
    order.status = target
    notify_user(
        uow,
        order.client_id,
        "order_status",
        commande_id=order.id,
        statut=target.value,
        total=amount(order.total),
    )


def cancel_order(uow: UnitOfWork, order: Order, now: datetime) -> None:
    """Cancel: stock back exactly once, pending payments fail, completed ones are refunded."""
    assert order.id is not None
    if not uow.orders.move(order.id, order.status, OrderStatus.ANNULEE, now):
        raise IllegalTransition("commande", str(order.status), OrderStatus.ANNULEE.value)
    order.status = OrderStatus.ANNULEE
    if uow.orders.claim_stock_restoration(order.id):
        uow.stock.put_back(order.quantities())
    for payment in uow.payments.for_order(order.id):
        settled = settle_on_cancel(payment.status)
        if settled is not None and payment.id is not None:
            uow.payments.move(payment.id, payment.status, settled, now)
    notify_user(
        uow, order.client_id, "order_cancelled", commande_id=order.id, total=amount(order.total)
    )


def parse_status(value: str) -> OrderStatus:
    try:
        return OrderStatus(value)
    except ValueError:
        raise InvalidInput.on_field("statut", UNKNOWN_STATUS) from None


class CancelOrder:
    """Owner or admin, while en_attente or en_cours (else 409); restores stock once."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, order_id: int) -> None:
        retrying(lambda: self._once(actor, order_id))

    def _once(self, actor: Viewer, order_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            order = load_order(uow, actor, order_id)
            # The owner may cancel: for this move the table treats them like an admin.
            ensure_transition(order.status, OrderStatus.ANNULEE, by_admin=True)
            cancel_order(uow, order, now)
            uow.commit()


class ChangeOrder:
    """PUT/PATCH of an order: admins move the status along the table and archive.

    A client may only cancel their own order this way; any other status is 403.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(
        self, actor: Viewer, order_id: int, status: str | None, is_active: bool | None
    ) -> None:
        target = None if status is None else parse_status(status)
        retrying(lambda: self._once(actor, order_id, target, is_active))

    def _once(
        self, actor: Viewer, order_id: int, target: OrderStatus | None, is_active: bool | None
    ) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            order = load_order(uow, actor, order_id)
            if is_active is not None and not actor.is_admin:
                raise Forbidden(ARCHIVE_ADMIN_ONLY)
            if target is not None and (target != order.status or not actor.is_admin):
                ensure_transition(order.status, target, actor.is_admin)
                move_order(uow, order, target, now)
            if is_active is not None and is_active != order.is_active:
                assert order.id is not None
                uow.orders.set_active(order.id, is_active, now)
            uow.commit()
