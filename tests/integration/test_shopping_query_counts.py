"""Lists read a page in a constant number of statements, whatever the page holds (no N+1)."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import PageRequest
from chezflora.application.shopping.views import OrderFilters, PaymentFilters, Scope
from chezflora.domain.money import Money
from tests.integration.rows import add_category, add_product, add_promotion, add_shopper

ADMIN = Scope(owner_id=None, viewer_id=0)
PAGE = PageRequest(page=1, per_page=50)


@contextmanager
def counting(engine):
    statements: list[str] = []

    def record(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _shop(container, engine, start, count, products):
    for n in range(start, start + count):
        viewer, cart_id, address_id = add_shopper(container, f"q{n}")
        for product_id in products:
            container.shopping.add_to_cart(viewer, cart_id, product_id, 1)
        container.shopping.check_out(viewer, cart_id, address_id)
        for product_id in products:
            container.shopping.add_to_cart(viewer, cart_id, product_id, 1)
        container.shopping.add_to_wishlist(viewer, products[0])


def _counts(container, engine):
    queries = container.shopping.queries
    reads = {
        "carts": lambda: queries.carts(ADMIN, ListOptions(), PAGE),
        "orders": lambda: queries.orders(ADMIN, OrderFilters(), ListOptions(), PAGE),
        "lines": lambda: queries.order_lines(ADMIN, ListOptions(), PAGE),
        "payments": lambda: queries.payments(ADMIN, PaymentFilters(), ListOptions(), PAGE),
        "addresses": lambda: queries.addresses(ADMIN, ListOptions(), PAGE),
        "wishlists": lambda: queries.wishlists(ADMIN, ListOptions(), PAGE),
    }
    counts = {}
    for name, read in reads.items():
        with counting(engine) as statements:
            page = read()
        counts[name] = (len(page.items), len(statements))
    return counts


def test_page_reads_do_not_grow_with_the_page(container, engine):
    category = add_category(engine)
    products = [add_product(engine, category, f"Fleur {i}", "100.00", stock=100) for i in range(3)]
    add_promotion(engine, "Soldes", "0.1", product_ids=(products[0],))
    _shop(container, engine, 0, 2, products)
    small = _counts(container, engine)
    _shop(container, engine, 2, 10, products)
    large = _counts(container, engine)
    for name in small:
        assert large[name][0] > small[name][0], name
        assert large[name][1] == small[name][1], (name, small[name], large[name])


@contextmanager
def checkouts(engine):
    taken: list[object] = []

    def record(dbapi_connection, record, proxy):
        taken.append(dbapi_connection)

    event.listen(engine.pool, "checkout", record)
    try:
        yield taken
    finally:
        event.remove(engine.pool, "checkout", record)


def test_priced_reads_use_one_connection_and_fixed_statements(container, engine):
    """Carts and wishlists come with the promotions that price them from the same connection:
    count, page, lines, products with their photos, promotions, their links, clients (SQLite's
    explicit BEGIN aside). Pricing adds no statement and no second pool checkout."""
    category = add_category(engine)
    products = [add_product(engine, category, f"Fleur {i}", "100.00", stock=100) for i in range(3)]
    add_promotion(engine, "Soldes", "0.1", product_ids=(products[0],))
    _shop(container, engine, 0, 1, products)
    viewer, cart_id, _ = add_shopper(container, "q-pinned")
    for product_id in products:
        container.shopping.add_to_cart(viewer, cart_id, product_id, 2)
        container.shopping.add_to_wishlist(viewer, product_id)
    mine = Scope(viewer.user_id, viewer.user_id)
    queries = container.shopping.queries
    wishlist = queries.wishlists(mine, ListOptions(), PAGE).items[0]
    reads = {
        "own_cart": lambda: queries.own_cart(viewer.user_id),
        "cart": lambda: queries.cart(mine, cart_id),
        "carts": lambda: queries.carts(ADMIN, ListOptions(), PAGE),
        "wishlist": lambda: queries.wishlist(mine, wishlist.id),
        "wishlists": lambda: queries.wishlists(ADMIN, ListOptions(), PAGE),
    }
    for name, read in reads.items():
        with checkouts(engine) as taken, counting(engine) as statements:
            read()
        queries_sent = [s for s in statements if s.strip().upper() != "BEGIN"]
        assert (len(taken), len(queries_sent)) == (1, 7), (name, len(taken), queries_sent)
    shown = queries.own_cart(viewer.user_id)
    assert shown is not None
    prices = {i.product.id: i.product.effective_price for i in shown.items}
    assert prices == {
        products[0]: Money.of("90"),
        products[1]: Money.of("100"),
        products[2]: Money.of("100"),
    }
    assert shown.total == Money.of("580")
