"""Payment: simulated only; `simuler` completes it, `rembourser` refunds it."""

from __future__ import annotations

from enum import StrEnum

from chezflora.domain.errors import IllegalTransition
from chezflora.domain.order import OrderStatus, can_cancel


class PaymentStatus(StrEnum):
    SIMULE = "simule"
    EFFECTUE = "effectue"
    ECHEC = "echec"
    REMBOURSE = "rembourse"


class TransactionType(StrEnum):
    COMMANDE = "commande"
    ABONNEMENT = "abonnement"
    ATELIER = "atelier"


# Which statuses each action starts from (decisions §4); the action names its own target.
_SIMULATE_FROM = frozenset({PaymentStatus.SIMULE})
_REFUND_FROM = frozenset({PaymentStatus.SIMULE, PaymentStatus.EFFECTUE})


def simulate(current: PaymentStatus) -> PaymentStatus:
    """`simuler`: only a pending (simule) payment can be completed."""
    return _move(current, PaymentStatus.EFFECTUE, _SIMULATE_FROM)


def refund(current: PaymentStatus) -> PaymentStatus:
    """`rembourser`: a pending or completed payment can be refunded, once."""
    return _move(current, PaymentStatus.REMBOURSE, _REFUND_FROM)


def refund_cancels_order(order_status: OrderStatus) -> bool:
    """A refund cancels the order it paid for when the order has not shipped yet."""
    return can_cancel(order_status)


def _move(
    current: PaymentStatus, target: PaymentStatus, allowed_from: frozenset[PaymentStatus]
) -> PaymentStatus:
    if current not in allowed_from:
        raise IllegalTransition("paiement", str(current), str(target))
    return target
