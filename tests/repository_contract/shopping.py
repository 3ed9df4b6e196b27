"""The shopping repositories' clauses: carts, stock, orders, payments, addresses, wishlists,
idempotency keys."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from chezflora.application.catalogue.ports import PromotionDraft
from chezflora.application.pricing import PricedItem
from chezflora.application.shopping.reading import priced_cards
from chezflora.application.shopping.repositories import DeliveryAlreadyGenerated
from chezflora.domain.cart import Cart, CartLine
from chezflora.domain.money import Money
from chezflora.domain.order import Order, OrderLine, OrderStatus
from chezflora.domain.payment import Payment, PaymentStatus
from chezflora.domain.subscription import SubscriptionLine
from tests.repository_contract.rows import (
    NOW,
    UowFactory,
    a_subscription,
    add_category,
    add_product,
    add_user,
    an_address,
)


def _money(value: str) -> Money:
    return Money(Decimal(value))


def a_cart_is_created_once_and_its_lines_round_trip(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        category = add_category(work)
        rose, tulip, lily = (add_product(work, category, n) for n in ("Rose", "Tulipe", "Lys"))
        cart = work.carts.ensure(client, NOW)
        assert work.carts.ensure(client, NOW).id == cart.id
        lines = [CartLine(tulip, 2, NOW), CartLine(rose, 1, NOW + timedelta(minutes=1))]
        work.carts.save(Cart.restore(cart.id, client, lines), NOW)
        work.commit()
    with uow() as work:
        loaded = work.carts.lock(client, NOW)
        assert loaded.id == cart.id and list(loaded.lines) == lines
        assert work.carts.get(cart.id).quantities() == {tulip: 2, rose: 1}
        tulip_line = work.carts.line_id(cart.id, tulip)
        assert tulip_line is not None and tulip_line != work.carts.line_id(cart.id, rose)
        # change one quantity, drop one line, add one
        changed = [CartLine(tulip, 5, NOW), CartLine(lily, 1, NOW)]
        work.carts.save(Cart.restore(cart.id, client, changed), NOW)
        assert work.carts.line_id(cart.id, rose) is None
        assert work.carts.line_id(cart.id, tulip) == tulip_line
        work.commit()
    with uow() as work:
        assert list(work.carts.for_client(client).lines) == changed
        assert work.carts.for_client(client + 1000) is None
        assert work.carts.get(cart.id + 1000) is None
        emptied = work.carts.lock(client, NOW)
        emptied.clear()  # as a checkout does
        work.carts.save(emptied, NOW)
        work.commit()
    with uow() as work:
        assert work.carts.get(cart.id).is_empty()
        assert work.carts.line_id(cart.id, tulip) is None


def stock_is_taken_only_when_enough_is_left_and_never_below_zero(uow: UowFactory) -> None:
    with uow() as work:
        category = add_category(work)
        rose = add_product(work, category, "Rose", stock=3)
        tulip = add_product(work, category, "Tulipe", stock=1)
        work.commit()
    with uow() as work:
        assert work.stock.take({rose: 2}) == []
        assert work.stock.take({rose: 2}) == [rose]
        # Each line is its own conditional update: a short line leaves the others taken.
        assert work.stock.take({tulip: 2, rose: 1}) == [tulip]
        assert work.stock.take({rose + tulip + 1000: 1}) == [rose + tulip + 1000]
        found = work.stock.products([rose, tulip, rose + tulip + 1000])
        assert {p: found[p].stock for p in found} == {rose: 0, tulip: 1}
        work.stock.put_back({rose: 2})
        work.commit()
    with uow() as work:
        assert work.stock.products([rose])[rose].stock == 2
        assert work.stock.products([]) == {}


def stock_reads_products_and_promotions_valid_now(uow: UowFactory) -> None:
    with uow() as work:
        roses = add_category(work, "Roses")
        tulips = add_category(work, "Tulipes")
        rose = add_product(work, roses, "Rose", price="10.00")
        tulip = add_product(work, tulips, "Tulipe", price="20.00")
        lily = add_product(work, tulips, "Lys", price="30.00")
        window = {"starts_at": NOW - timedelta(days=1), "ends_at": NOW + timedelta(days=1)}
        on_roses = work.promotions.add(
            PromotionDraft(name="Roses -20", reduction=Decimal("0.2"), category_id=roses, **window),
            NOW,
        )
        on_tulip = work.promotions.add(
            PromotionDraft(
                name="Tulipe -50",
                reduction=Decimal("0.5"),
                product_ids=frozenset({tulip}),
                **window,
            ),
            NOW,
        )
        work.promotions.add(
            PromotionDraft(
                name="Passée",
                reduction=Decimal("0.9"),
                category_id=roses,
                starts_at=NOW - timedelta(days=3),
                ends_at=NOW - timedelta(days=2),
            ),
            NOW,
        )
        work.promotions.add(
            PromotionDraft(
                name="Éteinte",
                reduction=Decimal("0.9"),
                category_id=roses,
                is_active=False,
                **window,
            ),
            NOW,
        )
        work.commit()
    with uow() as work:
        products = work.stock.products([rose, tulip])
        assert (products[rose].name, products[rose].category_id) == ("Rose", roses)
        assert products[tulip].price == _money("20.00")
        items = [PricedItem(p.id, p.category_id, p.price) for p in products.values()]
        valid = work.stock.valid_for(items, NOW)
        assert sorted(p.id for p in valid) == sorted([on_roses, on_tulip])
        assert {p.id: p.produit_ids for p in valid}[on_tulip] == frozenset({tulip})
        assert work.stock.valid_for([PricedItem(lily, tulips, _money("30.00"))], NOW) == []
        # Cards come unpriced, with every promotion valid now for one of them as a candidate.
        found = work.stock.cards([rose, tulip, lily, lily + 1000], NOW)
        unpriced = {c.id: c for c in found.page.items}
        assert {p: c.price for p, c in unpriced.items()} == {
            rose: _money("10.00"),
            tulip: _money("20.00"),
            lily: _money("30.00"),
        }
        assert unpriced[rose].category_name == "Roses" and unpriced[rose].stock == 5
        assert sorted(p.id for p in found.promotions) == sorted([on_roses, on_tulip])
        cards = priced_cards(found.page.items, found.promotions, NOW)
        assert {p: c.effective_price for p, c in cards.items()} == {
            rose: _money("8.00"),
            tulip: _money("10.00"),
            lily: _money("30.00"),
        }
        only_lily = work.stock.cards([lily], NOW)
        assert [c.id for c in only_lily.page.items] == [lily] and only_lily.promotions == ()
        nothing = work.stock.cards([], NOW)
        assert list(nothing.page.items) == [] and nothing.promotions == ()


def _order(client: int, product: int, now=NOW) -> Order:
    return Order.place(client, [OrderLine(product, "Rose", 2, _money("10.00"))], None, now)


def orders_round_trip_and_move_only_from_the_status_read(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        rose = add_product(work, add_category(work), "Rose")
        order = _order(client, rose)
        work.orders.add(order)
        work.commit()
    with uow() as work:
        loaded = work.orders.get(order.id, for_update=True)
        assert vars(loaded) == vars(order)
        later = NOW + timedelta(hours=1)
        assert work.orders.move(order.id, OrderStatus.EN_ATTENTE, OrderStatus.EN_COURS, later)
        assert not work.orders.move(order.id, OrderStatus.EN_ATTENTE, OrderStatus.ANNULEE, later)
        assert work.orders.claim_stock_restoration(order.id)
        assert not work.orders.claim_stock_restoration(order.id)
        work.orders.set_active(order.id, False, later)
        work.commit()
    with uow() as work:
        moved = work.orders.get(order.id)
        assert (moved.status, moved.updated_at) == (OrderStatus.EN_COURS, later)
        assert moved.stock_restored and not moved.is_active
        assert work.orders.get(order.id + 1000) is None


def a_subscription_delivery_is_ordered_once_per_date(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        rose = add_product(work, add_category(work), "Rose")
        subscription = a_subscription(client, (SubscriptionLine(rose, 1),))
        work.subscriptions.add(subscription, NOW)
        line = [OrderLine(rose, "Rose", 1, _money("10.00"))]
        first = Order.deliver(subscription.id, date(2026, 11, 24), client, line, None, NOW)
        work.orders.add(first)
        twin = Order.deliver(subscription.id, date(2026, 11, 24), client, line, None, NOW)
        with pytest.raises(DeliveryAlreadyGenerated):
            work.orders.add(twin)
        # the refused insert leaves the transaction usable
        following = Order.deliver(subscription.id, date(2026, 12, 24), client, line, None, NOW)
        work.orders.add(following)
        work.commit()
    with uow() as work:
        assert work.orders.get(first.id).delivery_date == date(2026, 11, 24)
        assert work.orders.get(following.id).status is OrderStatus.EN_COURS


def payments_round_trip_and_move_only_from_the_status_read(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        rose = add_product(work, add_category(work), "Rose")
        order = _order(client, rose)
        work.orders.add(order)
        first = Payment.for_order(order.id, client, order.total, NOW)
        second = Payment.for_order(order.id, client, order.total, NOW)
        work.payments.add(first)
        work.payments.add(second)
        work.commit()
    with uow() as work:
        assert vars(work.payments.get(first.id, for_update=True)) == vars(first)
        assert [p.id for p in work.payments.for_order(order.id)] == [first.id, second.id]
        assert work.payments.move(first.id, PaymentStatus.SIMULE, PaymentStatus.EFFECTUE, NOW)
        assert not work.payments.move(first.id, PaymentStatus.SIMULE, PaymentStatus.ECHEC, NOW)
        work.commit()
    with uow() as work:
        assert work.payments.get(first.id).status is PaymentStatus.EFFECTUE
        assert work.payments.get(second.id).status is PaymentStatus.SIMULE
        assert work.payments.for_order(order.id + 1000) == []
        assert work.payments.get(second.id + 1000) is None


def addresses_round_trip_and_one_default_is_cleared_for_another(uow: UowFactory) -> None:
    with uow() as work:
        client, other = add_user(work, "awa"), add_user(work, "binta")
        home, office = an_address(client, "Maison", True), an_address(client, "Bureau", True)
        theirs = an_address(other, "Chez elle", True)
        for address in (home, office, theirs):
            work.addresses.add(address)
        work.commit()
    with uow() as work:
        assert vars(work.addresses.get(home.id)) == vars(home)
        assert work.addresses.owner_of(home.id) == client
        assert work.addresses.owner_of(theirs.id) == other
        assert work.addresses.owner_of(theirs.id + office.id + home.id) is None
        work.addresses.clear_default(client, except_id=office.id)
        office.ville = "Yaoundé"
        work.addresses.save(office)
        work.commit()
    with uow() as work:
        assert not work.addresses.get(home.id).is_default
        assert work.addresses.get(office.id).is_default
        assert work.addresses.get(office.id).ville == "Yaoundé"
        assert work.addresses.get(theirs.id).is_default
        work.addresses.delete(home.id)
        work.addresses.delete_for_client(other)
        work.commit()
    with uow() as work:
        assert work.addresses.get(home.id) is None and work.addresses.get(theirs.id) is None
        assert work.addresses.get(office.id) is not None


def a_wishlist_holds_each_product_once(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        rose = add_product(work, add_category(work), "Rose")
        wishlist = work.wishlists.ensure(client, NOW)
        assert work.wishlists.ensure(client, NOW) == wishlist
        assert work.wishlists.add_product(wishlist, rose, NOW)
        assert not work.wishlists.add_product(wishlist, rose, NOW)
        work.commit()
    with uow() as work:
        assert work.wishlists.owner(wishlist) == client
        assert work.wishlists.remove_product(wishlist, rose, NOW)
        assert not work.wishlists.remove_product(wishlist, rose, NOW)
        assert work.wishlists.add_product(wishlist, rose, NOW)
        work.wishlists.delete_for_client(client)
        work.commit()
    with uow() as work:
        assert work.wishlists.owner(wishlist) is None
        assert work.wishlists.owner(work.wishlists.ensure(client, NOW)) == client


def an_idempotency_key_is_claimed_once_per_user(uow: UowFactory) -> None:
    with uow() as work:
        awa, binta = add_user(work, "awa"), add_user(work, "binta")
        assert work.idempotency.claim(awa, "k1", "fp", NOW)
        assert not work.idempotency.claim(awa, "k1", "other", NOW)
        assert work.idempotency.claim(binta, "k1", "fp", NOW)
        assert work.idempotency.claim(awa, "k2", "fp", NOW)
        work.commit()
    with uow() as work:
        pending = work.idempotency.find(awa, "k1")
        assert (pending.fingerprint, pending.status, pending.body) == ("fp", 0, b"")
        assert pending.created_at == NOW
        work.idempotency.complete(awa, "k1", 201, b'{"id": 1}')
        work.idempotency.release(awa, "k1")  # completed: stays
        work.idempotency.release(awa, "k2")  # pending: goes
        work.commit()
    with uow() as work:
        done = work.idempotency.find(awa, "k1")
        assert (done.status, done.body) == (201, b'{"id": 1}')
        assert work.idempotency.find(awa, "k2") is None
        later = NOW + timedelta(days=2)
        assert not work.idempotency.replace_expired(awa, "k1", later, "new", later)
        assert work.idempotency.replace_expired(awa, "k1", NOW, "new", later)
        work.commit()
    with uow() as work:
        renewed = work.idempotency.find(awa, "k1")
        assert (renewed.fingerprint, renewed.status, renewed.created_at) == ("new", 0, later)


SHOPPING = [
    a_cart_is_created_once_and_its_lines_round_trip,
    stock_is_taken_only_when_enough_is_left_and_never_below_zero,
    stock_reads_products_and_promotions_valid_now,
    orders_round_trip_and_move_only_from_the_status_read,
    a_subscription_delivery_is_ordered_once_per_date,
    payments_round_trip_and_move_only_from_the_status_read,
    addresses_round_trip_and_one_default_is_cleared_for_another,
    a_wishlist_holds_each_product_once,
    an_idempotency_key_is_claimed_once_per_user,
]
