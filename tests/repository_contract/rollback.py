"""A unit of work left without commit leaves no trace, whatever it wrote."""

from __future__ import annotations

from chezflora.application.unit_of_work import sharing
from chezflora.domain.cart import Cart, CartLine
from chezflora.domain.order import Order, OrderLine
from chezflora.domain.payment import Payment
from chezflora.domain.subscription import SubscriptionLine
from chezflora.domain.workshop import Registration, RegistrationStatus
from tests.repository_contract.rows import (
    NOW,
    UowFactory,
    a_subscription,
    a_workshop,
    add_category,
    add_product,
    add_user,
)


def a_unit_left_without_commit_leaves_no_trace(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        category = add_category(work)
        rose = add_product(work, category, "Rose", stock=5)
        workshop = a_workshop()
        work.workshops.add(workshop, NOW)
        work.commit()
    with uow() as work:
        assert work.stock.take({rose: 2}) == []
        cart = work.carts.ensure(client, NOW)
        work.carts.save(Cart.restore(cart.id, client, [CartLine(rose, 1, NOW)]), NOW)
        line = OrderLine(rose, "Rose", 2, work.products.get(rose).price)
        order = Order.place(client, [line], None, NOW)
        work.orders.add(order)
        work.payments.add(Payment.for_order(order.id, client, order.total, NOW))
        subscription = a_subscription(client, (SubscriptionLine(rose, 1),))
        work.subscriptions.add(subscription, NOW)
        assert work.workshops.take_seat(workshop.id, NOW)
        registration = Registration(
            workshop_id=workshop.id,
            user_id=client,
            status=RegistrationStatus.INSCRIT,
            registered_at=NOW,
        )
        work.registrations.add(registration, NOW)
        wishlist = work.wishlists.ensure(client, NOW)
        work.wishlists.add_product(wishlist, rose, NOW)
        assert work.idempotency.claim(client, "k", "fp", NOW)
    with uow() as work:
        assert work.stock.products([rose])[rose].stock == 5
        assert work.carts.for_client(client) is None
        assert work.orders.get(order.id) is None
        assert work.subscriptions.get(subscription.id) is None
        assert work.subscriptions.active_for_client(client) == []
        assert work.workshops.get(workshop.id).seats_taken == 0
        assert work.registrations.of_user(workshop.id, client) is None
        assert work.wishlists.owner(wishlist) is None
        assert work.idempotency.find(client, "k") is None


def a_unit_opened_while_one_is_shared_joins_it(uow: UowFactory) -> None:
    with uow() as outer:
        client = add_user(outer)
        with sharing(outer), uow() as inner:
            assert inner.users.get(client) is not None  # sees the sharer's uncommitted rows
            assert inner.idempotency.claim(client, "k", "fp", NOW)
            inner.commit()  # leaves the commit to the sharer
        assert outer.idempotency.find(client, "k") is not None
    with uow() as work:
        assert work.users.get(client) is None
        assert work.idempotency.find(client, "k") is None
    with uow() as outer:
        client = add_user(outer, "binta")
        with sharing(outer), uow() as inner:
            inner.idempotency.claim(client, "k", "fp", NOW)
        outer.commit()
    with uow() as work:
        assert work.idempotency.find(client, "k") is not None


ROLLBACK = [a_unit_left_without_commit_leaves_no_trace, a_unit_opened_while_one_is_shared_joins_it]
