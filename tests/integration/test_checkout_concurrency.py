"""Never oversold: many threads check out carts holding the last units at the same instant."""

from __future__ import annotations

import threading
from collections import Counter

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.shopping import order_lines, orders, payments
from chezflora.domain.errors import OutOfStock
from tests.integration.rows import add_category, add_product, add_shopper, stock_of

THREADS = 20


def _race(container, shoppers):
    """Every shopper checks out at once; returns how each attempt ended."""
    barrier = threading.Barrier(len(shoppers))
    outcomes: list[str] = []
    lock = threading.Lock()

    def attempt(viewer, cart_id, address_id):
        barrier.wait()
        try:
            container.shopping.check_out(viewer, cart_id, address_id)
            outcome = "ordered"
        except OutOfStock:
            outcome = "short"
        except Exception as exc:  # the test reports anything else as a failure
            outcome = f"error: {exc!r}"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=attempt, args=shopper) for shopper in shoppers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return Counter(outcomes)


def _orders(engine):
    with engine.connect() as conn:
        order_count = conn.execute(sa.select(sa.func.count()).select_from(orders)).scalar_one()
        lines_per_order = conn.execute(
            sa.select(order_lines.c.commande_id, sa.func.sum(order_lines.c.quantite)).group_by(
                order_lines.c.commande_id
            )
        ).all()
        payment_count = conn.execute(sa.select(sa.func.count()).select_from(payments)).scalar_one()
    return order_count, dict(lines_per_order), payment_count


def test_twenty_checkouts_for_the_last_five_units(container, engine):
    rose = add_product(engine, add_category(engine), "Dernière rose", "2500.00", stock=5)
    shoppers = [add_shopper(container, f"acheteur{i}") for i in range(THREADS)]
    for viewer, cart_id, _ in shoppers:
        container.shopping.add_to_cart(viewer, cart_id, rose, 1)

    outcomes = _race(container, shoppers)

    assert outcomes == Counter({"ordered": 5, "short": THREADS - 5}), outcomes
    assert stock_of(engine, rose) == 0
    order_count, units, payment_count = _orders(engine)
    assert order_count == 5 and payment_count == 5
    assert all(quantity == 1 for quantity in units.values())


def test_two_products_added_in_opposite_orders_never_deadlock_or_split(container, engine):
    category = add_category(engine)
    lily = add_product(engine, category, "Lys", "1000.00", stock=5)
    iris = add_product(engine, category, "Iris", "1200.00", stock=5)
    shoppers = [add_shopper(container, f"client{i}") for i in range(THREADS)]
    for index, (viewer, cart_id, _) in enumerate(shoppers):
        first, second = (lily, iris) if index % 2 else (iris, lily)
        container.shopping.add_to_cart(viewer, cart_id, first, 1)
        container.shopping.add_to_cart(viewer, cart_id, second, 1)

    outcomes = _race(container, shoppers)

    assert outcomes == Counter({"ordered": 5, "short": THREADS - 5}), outcomes
    assert stock_of(engine, lily) == 0 and stock_of(engine, iris) == 0
    order_count, units, _ = _orders(engine)
    # No partial order: each holds both products.
    assert order_count == 5 and all(quantity == 2 for quantity in units.values())


def test_a_short_line_leaves_every_stock_untouched(container, engine):
    category = add_category(engine)
    plenty = add_product(engine, category, "Marguerite", "300.00", stock=50)
    scarce = add_product(engine, category, "Protea", "9000.00", stock=2)
    viewer, cart_id, address_id = add_shopper(container, "fatou")
    container.shopping.add_to_cart(viewer, cart_id, plenty, 10)
    container.shopping.add_to_cart(viewer, cart_id, scarce, 2)
    with engine.begin() as conn:  # someone else bought one meanwhile
        conn.execute(sa.text("UPDATE products SET stock = 1 WHERE id = :id"), {"id": scarce})

    try:
        container.shopping.check_out(viewer, cart_id, address_id)
    except OutOfStock as short:
        assert short.products == ["Protea"]
    else:
        raise AssertionError("checkout should have been refused")
    assert stock_of(engine, plenty) == 50 and stock_of(engine, scarce) == 1
    assert _orders(engine)[0] == 0
