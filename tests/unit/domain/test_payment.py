"""Payment rules: simulate and refund transitions, refund → order cancellation."""

from __future__ import annotations

import pytest

from chezflora.domain.errors import Conflict, IllegalTransition
from chezflora.domain.order import OrderStatus
from chezflora.domain.payment import (
    PaymentStatus,
    TransactionType,
    refund,
    refund_cancels_order,
    simulate,
)

P = PaymentStatus


def test_wire_values() -> None:
    assert [s.value for s in PaymentStatus] == ["simule", "effectue", "echec", "rembourse"]
    assert [t.value for t in TransactionType] == ["commande", "abonnement", "atelier"]


@pytest.mark.parametrize("current", list(PaymentStatus))
def test_simulate_completes_only_a_pending_payment(current: PaymentStatus) -> None:
    if current is P.SIMULE:
        assert simulate(current) is P.EFFECTUE
    else:
        with pytest.raises(IllegalTransition) as caught:
            simulate(current)
        assert (caught.value.current, caught.value.target) == (current.value, "effectue")
        assert "paiement" in caught.value.message


@pytest.mark.parametrize("current", list(PaymentStatus))
def test_refund_from_pending_or_completed_only(current: PaymentStatus) -> None:
    if current in {P.SIMULE, P.EFFECTUE}:
        assert refund(current) is P.REMBOURSE
    else:
        with pytest.raises(IllegalTransition) as caught:
            refund(current)
        assert (caught.value.current, caught.value.target) == (current.value, "rembourse")


def test_a_refund_cannot_happen_twice() -> None:
    refunded = refund(P.EFFECTUE)
    with pytest.raises(Conflict):
        refund(refunded)


def test_statuses_read_from_storage_as_plain_strings_work() -> None:
    assert simulate("simule") is P.EFFECTUE  # type: ignore[arg-type]
    with pytest.raises(IllegalTransition):
        refund("echec")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("order_status", "cancels"),
    [
        (OrderStatus.EN_ATTENTE, True),
        (OrderStatus.EN_COURS, True),
        (OrderStatus.EXPEDIEE, False),
        (OrderStatus.LIVREE, False),
        (OrderStatus.ANNULEE, False),
    ],
)
def test_refund_cancels_an_order_not_yet_shipped(order_status: OrderStatus, cancels: bool) -> None:
    assert refund_cancels_order(order_status) is cancels
