"""CheckOut on in-memory fakes: the cart becomes an order and a payment, all lines or nothing."""

from __future__ import annotations

import pytest

from chezflora.application.shopping.checkout import ADDRESS_REQUIRED, CheckOut
from chezflora.domain.errors import InvalidInput, NoLongerSold, NotFound, OutOfStock
from chezflora.domain.order import EMPTY_CART_MESSAGE, OrderStatus
from chezflora.domain.payment import PaymentStatus, TransactionType
from tests.unit.application.world import World, money


@pytest.fixture
def world() -> World:
    return World()


@pytest.fixture
def check_out(world: World) -> CheckOut:
    return CheckOut(world.uow, world.clock)


def test_checkout_places_an_order_takes_stock_records_a_payment_and_empties_the_cart(
    world, check_out
):
    awa = world.person("awa")
    rose, tulip = world.product("Rose", "12.50", stock=5), world.product("Tulipe", "3.00", 10)
    cart_id = world.cart(awa, {rose: 2, tulip: 3})
    address_id = world.address(awa)

    placed = check_out(awa, cart_id, address_id)

    assert placed.total == money("34.00")
    order = world.order(placed.order_id)
    assert (order.client_id, order.status, order.address_id) == (
        awa.user_id,
        OrderStatus.EN_ATTENTE,
        address_id,
    )
    assert [(line.product_name, line.quantity, line.unit_price) for line in order.lines] == [
        ("Rose", 2, money("12.50")),
        ("Tulipe", 3, money("3.00")),
    ]
    assert (world.stock(rose), world.stock(tulip)) == (3, 7)
    [payment] = world.payments_of(placed.order_id)
    assert payment.id == placed.payment_id
    assert (payment.kind, payment.status, payment.amount, payment.payer_id) == (
        TransactionType.COMMANDE,
        PaymentStatus.SIMULE,
        money("34.00"),
        awa.user_id,
    )
    with world.uow() as work:
        assert work.carts.get(cart_id).is_empty()
    assert world.emails_to("awa") == ["order_confirmation"]


def test_insufficient_stock_names_the_products_and_changes_nothing(world, check_out):
    awa = world.person("awa")
    rose, tulip = world.product("Rose", stock=5), world.product("Tulipe", stock=1)
    cart_id = world.cart(awa, {rose: 2, tulip: 3})

    with pytest.raises(OutOfStock) as refused:
        check_out(awa, cart_id, world.address(awa))

    assert refused.value.products == ["Tulipe"]
    assert (world.stock(rose), world.stock(tulip)) == (5, 1)  # the rose taken first is back
    with world.uow() as work:
        assert work.carts.get(cart_id).quantities() == {rose: 2, tulip: 3}
    assert world.uow.store.orders == {} and world.uow.store.payments == {}
    assert world.uow.emails == []


def test_a_product_no_longer_sold_is_named_and_nothing_changes(world, check_out):
    awa = world.person("awa")
    rose, lily = world.product("Rose"), world.product("Lys")
    cart_id = world.cart(awa, {rose: 1, lily: 1})
    world.deactivate(lily)

    with pytest.raises(NoLongerSold) as refused:
        check_out(awa, cart_id, world.address(awa))

    assert refused.value.products == ["Lys"]
    assert refused.value.message == "Produit(s) plus en vente : Lys"
    assert (world.stock(rose), world.stock(lily)) == (5, 5)
    assert world.uow.store.orders == {}


def test_an_empty_cart_cannot_be_checked_out(world, check_out):
    awa = world.person("awa")
    cart_id = world.cart(awa, {})

    with pytest.raises(InvalidInput) as refused:
        check_out(awa, cart_id, world.address(awa))

    assert refused.value.message == EMPTY_CART_MESSAGE
    assert world.uow.store.orders == {}


def test_the_address_is_required_and_must_be_the_callers(world, check_out):
    awa, binta = world.person("awa"), world.person("binta")
    cart_id = world.cart(awa, {world.product("Rose"): 1})

    with pytest.raises(InvalidInput) as missing:
        check_out(awa, cart_id, None)
    with pytest.raises(NotFound):
        check_out(awa, cart_id, world.address(binta))
    with pytest.raises(NotFound):
        check_out(awa, cart_id, 999_999)  # no such address

    assert missing.value.fields == {"adresse_id": [ADDRESS_REQUIRED]}
    assert world.uow.store.orders == {}


def test_someone_elses_cart_does_not_exist_for_the_caller(world, check_out):
    awa, binta = world.person("awa"), world.person("binta")
    cart_id = world.cart(awa, {world.product("Rose"): 1})

    with pytest.raises(NotFound):
        check_out(binta, cart_id, world.address(binta))
