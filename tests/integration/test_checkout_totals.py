"""What the client saw is what they pay: cart total == order total == Σ frozen lines."""

from __future__ import annotations

import itertools
from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chezflora.application.shopping.views import Scope
from chezflora.domain.money import sum_money
from tests.integration.rows import EPOCH, add_category, add_product, add_promotion, add_shopper

NAMES = itertools.count()
prices = st.decimals(min_value=0, max_value=Decimal("99999.99"), places=2)
reductions = st.decimals(min_value=0, max_value=1, places=4)
lines = st.lists(st.tuples(prices, st.integers(1, 7)), min_size=1, max_size=4)
promotion = st.tuples(
    reductions,
    st.one_of(st.none(), st.integers(0, 3)),  # linked product index, or None: the category
    st.sampled_from(["valid", "expired", "inactive"]),
)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(cart=lines, promotions=st.lists(promotion, max_size=4))
def test_cart_total_is_the_order_total(container, engine, cart, promotions):
    run = next(NAMES)
    category = add_category(engine, f"Catégorie {run}")
    products = [
        add_product(engine, category, f"Produit {run}-{i}", price, stock=10)
        for i, (price, _) in enumerate(cart)
    ]
    for index, (reduction, target, state) in enumerate(promotions):
        linked = () if target is None else (products[target % len(products)],)
        add_promotion(
            engine,
            f"Promo {run}-{index}",
            reduction,
            product_ids=linked,
            category_id=category if target is None else None,
            end=EPOCH - timedelta(hours=1) if state == "expired" else None,
            is_active=state != "inactive",
        )
    viewer, cart_id, address_id = add_shopper(container, f"client{run}")
    answered = {}
    for product_id, (_, quantity) in zip(products, cart, strict=True):
        added = container.shopping.add_to_cart(viewer, cart_id, product_id, quantity)
        answered[product_id] = added.item.product
    scope = Scope(viewer.user_id, viewer.user_id)

    shown = container.shopping.queries.cart(scope, cart_id)
    # Adding answers the product card priced by the same step as the cart read.
    assert shown is not None and answered == {i.product.id: i.product for i in shown.items}
    placed = container.shopping.check_out(viewer, cart_id, address_id)
    order = container.shopping.queries.order(scope, placed.order_id)

    assert shown is not None and order is not None
    assert placed.total == shown.total == order.total
    assert shown.total == sum_money(i.product.effective_price * i.quantity for i in shown.items)
    assert order.total == sum_money(line.unit_price * line.quantity for line in order.lines)
    shown_prices = {i.product.id: i.product.effective_price for i in shown.items}
    assert {line.product_id: line.unit_price for line in order.lines} == shown_prices
    assert all(not price.is_negative() for price in shown_prices.values())
