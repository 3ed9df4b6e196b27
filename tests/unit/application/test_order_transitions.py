"""Order status moves, cancellation and payments on in-memory fakes: stock comes back once,
payments are settled, the client is told."""

from __future__ import annotations

import pytest

from chezflora.application.shopping.checkout import CheckOut, PlacedOrder
from chezflora.application.shopping.orders import CancelOrder, ChangeOrder
from chezflora.application.shopping.payments import OrderPaymentHook, RefundPayment, SimulatePayment
from chezflora.domain.errors import Forbidden, IllegalTransition, NotFound
from chezflora.domain.order import OrderStatus
from chezflora.domain.payment import PaymentStatus, TransactionType
from chezflora.domain.user import Role
from tests.unit.application.world import World


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def hooks():
    return {TransactionType.COMMANDE: OrderPaymentHook()}


def place(world: World, name: str = "awa", stock: int = 5) -> tuple[PlacedOrder, int]:
    client = world.person(name)
    rose = world.product(f"Rose de {name}", stock=stock)
    cart_id = world.cart(client, {rose: 2})
    placed = CheckOut(world.uow, world.clock)(client, cart_id, world.address(client))
    return placed, rose


def test_an_admin_moves_an_order_along_the_workflow_and_the_client_is_told(world):
    placed, _ = place(world)
    admin = world.person("gerant", Role.ADMIN)
    change = ChangeOrder(world.uow, world.clock)

    for status in ("en_cours", "expediee", "livree"):
        world.clock.advance(minutes=1)
        change(admin, placed.order_id, status, None)

    order = world.order(placed.order_id)
    assert (order.status, order.updated_at) == (OrderStatus.LIVREE, world.clock.now())
    assert world.emails_to("awa") == ["order_confirmation", *["order_status"] * 3]


def test_skipping_a_step_or_leaving_a_final_status_is_refused(world):
    placed, _ = place(world)
    admin = world.person("gerant", Role.ADMIN)
    change = ChangeOrder(world.uow, world.clock)

    with pytest.raises(IllegalTransition):
        change(admin, placed.order_id, "livree", None)
    change(admin, placed.order_id, "annulee", None)
    with pytest.raises(IllegalTransition):
        change(admin, placed.order_id, "en_cours", None)

    assert world.order(placed.order_id).status is OrderStatus.ANNULEE


def test_a_client_may_only_cancel_and_may_not_archive(world):
    placed, _ = place(world)
    owner, other = world.viewer("awa"), world.person("binta")
    change = ChangeOrder(world.uow, world.clock)

    with pytest.raises(Forbidden):
        change(owner, placed.order_id, "en_cours", None)
    with pytest.raises(Forbidden):
        change(owner, placed.order_id, None, False)
    with pytest.raises(NotFound):
        change(other, placed.order_id, "annulee", None)  # not theirs: it does not exist

    assert world.order(placed.order_id).status is OrderStatus.EN_ATTENTE


def test_cancelling_restores_stock_once_and_fails_the_pending_payment(world):
    placed, rose = place(world)
    owner = world.viewer("awa")
    cancel = CancelOrder(world.uow, world.clock)
    assert world.stock(rose) == 3

    cancel(owner, placed.order_id)
    with pytest.raises(IllegalTransition):
        cancel(owner, placed.order_id)

    order = world.order(placed.order_id)
    assert order.status is OrderStatus.ANNULEE and order.stock_restored
    assert world.stock(rose) == 5
    assert [p.status for p in world.payments_of(placed.order_id)] == [PaymentStatus.ECHEC]
    assert world.emails_to("awa")[-1] == "order_cancelled"


def test_cancelling_a_paid_order_refunds_its_payment(world, hooks):
    placed, rose = place(world)
    owner = world.viewer("awa")
    SimulatePayment(world.uow, world.clock, hooks)(owner, placed.payment_id)
    assert world.order(placed.order_id).status is OrderStatus.EN_COURS

    CancelOrder(world.uow, world.clock)(owner, placed.order_id)

    assert [p.status for p in world.payments_of(placed.order_id)] == [PaymentStatus.REMBOURSE]
    assert world.stock(rose) == 5


def test_a_shipped_order_cannot_be_cancelled(world):
    placed, rose = place(world)
    admin = world.person("gerant", Role.ADMIN)
    change = ChangeOrder(world.uow, world.clock)
    change(admin, placed.order_id, "en_cours", None)
    change(admin, placed.order_id, "expediee", None)

    with pytest.raises(IllegalTransition):
        CancelOrder(world.uow, world.clock)(world.viewer("awa"), placed.order_id)

    assert world.stock(rose) == 3


def test_refunding_the_payment_of_an_unshipped_order_cancels_it(world, hooks):
    placed, rose = place(world)
    owner = world.viewer("awa")
    SimulatePayment(world.uow, world.clock, hooks)(owner, placed.payment_id)

    RefundPayment(world.uow, world.clock, hooks)(placed.payment_id)

    assert world.order(placed.order_id).status is OrderStatus.ANNULEE
    assert [p.status for p in world.payments_of(placed.order_id)] == [PaymentStatus.REMBOURSE]
    assert world.stock(rose) == 5
    assert world.emails_to("awa")[-2:] == ["order_cancelled", "payment_refunded"]


def test_a_payment_is_simulated_once(world, hooks):
    placed, _ = place(world)
    simulate = SimulatePayment(world.uow, world.clock, hooks)
    owner = world.viewer("awa")

    view = simulate(owner, placed.payment_id)
    with pytest.raises(IllegalTransition):
        simulate(owner, placed.payment_id)

    assert view.status == "effectue"
