"""Payment: simulated only; `simuler` completes it, `rembourser` refunds it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from chezflora.domain.errors import IllegalTransition
from chezflora.domain.money import Money
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


def settle_on_cancel(current: PaymentStatus) -> PaymentStatus | None:
    """When what it paid for is cancelled: a completed payment is refunded, a pending one fails."""
    if current is PaymentStatus.EFFECTUE:
        return PaymentStatus.REMBOURSE
    if current is PaymentStatus.SIMULE:
        return PaymentStatus.ECHEC
    return None


def refund_cancels_order(order_status: OrderStatus) -> bool:
    """A refund cancels the order it paid for when the order has not shipped yet."""
    return can_cancel(order_status)


def _move(
    current: PaymentStatus, target: PaymentStatus, allowed_from: frozenset[PaymentStatus]
) -> PaymentStatus:
    if current not in allowed_from:
        raise IllegalTransition("paiement", str(current), str(target))
    return target


@dataclass(eq=False, kw_only=True)
class Payment:
    """A simulated payment by one user for exactly one thing (order, subscription or workshop)."""

    id: int | None = None
    payer_id: int
    kind: TransactionType
    amount: Money
    status: PaymentStatus = PaymentStatus.SIMULE
    order_id: int | None = None
    subscription_id: int | None = None
    workshop_id: int | None = None
    registration_id: int | None = None
    created_at: datetime
    updated_at: datetime
    details: str | None = None
    method: str | None = None
    is_active: bool = True

    @classmethod
    def for_order(cls, order_id: int, payer_id: int, amount: Money, now: datetime) -> Payment:
        return cls(
            payer_id=payer_id,
            kind=TransactionType.COMMANDE,
            amount=amount,
            order_id=order_id,
            created_at=now,
            updated_at=now,
        )

    @classmethod
    def for_subscription(
        cls, subscription_id: int, payer_id: int, amount: Money, details: str, now: datetime
    ) -> Payment:
        """One period of a subscription, paid by its client."""
        return cls(
            payer_id=payer_id,
            kind=TransactionType.ABONNEMENT,
            amount=amount,
            subscription_id=subscription_id,
            details=details,
            created_at=now,
            updated_at=now,
        )

    @classmethod
    def for_workshop_seat(
        cls, workshop_id: int, registration_id: int, payer_id: int, amount: Money, now: datetime
    ) -> Payment:
        """One seat of a workshop: linked to its registration, so a refund finds this one."""
        return cls(
            payer_id=payer_id,
            kind=TransactionType.ATELIER,
            amount=amount,
            workshop_id=workshop_id,
            registration_id=registration_id,
            details=f"Inscription n° {registration_id} à l'atelier n° {workshop_id}",
            created_at=now,
            updated_at=now,
        )
