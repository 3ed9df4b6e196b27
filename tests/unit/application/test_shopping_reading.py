"""The read side's pricing step: shown cart prices are the domain's, the total is what checkout
charges, and the reader asks the database once per read with the clock's `now`."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.pricing import price_all
from chezflora.application.shopping.reading import ShoppingReader
from chezflora.application.shopping.rows import (
    CartItemRow,
    CartRow,
    ToPrice,
    UnpricedCard,
    WishlistRow,
)
from chezflora.application.shopping.views import ClientBrief, Scope
from chezflora.domain.money import Money, sum_money
from chezflora.domain.order import Order, place_order_lines
from chezflora.domain.pricing import effective_price
from tests.fakes import FakeClock
from tests.strategies import category_ids, money, promotion_lists

NOW = FakeClock().now()
CLIENT = ClientBrief(7, "awa", "awa@example.org")
MINE = Scope(CLIENT.id, CLIENT.id)
PAGE = PageRequest(page=1, per_page=10)


def _card(product_id: int, price: Money, category_id: int | None) -> UnpricedCard:
    return UnpricedCard(
        id=product_id,
        name=f"Produit {product_id}",
        description="",
        price=price,
        stock=10,
        is_active=True,
        category_id=category_id,
        category_name=None,
    )


class _Rows:
    """The two priced reads of `ShoppingRows`, answering fixed rows; records each `now`."""

    def __init__(self, carts: list[CartRow], wishlists: list[WishlistRow], promotions) -> None:
        self.carts, self.wishlists, self.promotions = carts, wishlists, tuple(promotions)
        self.asked_at: list[datetime] = []

    def cart_rows(self, scope, options, page, now, cart_id=None) -> ToPrice[CartRow]:
        self.asked_at.append(now)
        found = [c for c in self.carts if cart_id is None or c.id == cart_id]
        return ToPrice(Page(found, len(found), page), self.promotions)

    def wishlist_rows(self, scope, options, page, now, wishlist_id=None) -> ToPrice[WishlistRow]:
        self.asked_at.append(now)
        found = [w for w in self.wishlists if wishlist_id is None or w.id == wishlist_id]
        return ToPrice(Page(found, len(found), page), self.promotions)


# Products 1..5 (the ids generated promotions link to), each with a price and a category.
catalogues = st.dictionaries(
    st.integers(min_value=1, max_value=5),
    st.tuples(money, st.none() | category_ids),
    min_size=1,
)


@given(
    catalogue=catalogues,
    quantities=st.lists(st.integers(min_value=1, max_value=50), min_size=5, max_size=5),
    promotions=promotion_lists(near=NOW),
)
def test_shown_total_is_the_sum_of_priced_lines_and_what_checkout_charges(
    catalogue, quantities, promotions
):
    cards = {pid: _card(pid, price, category) for pid, (price, category) in catalogue.items()}
    items = [CartItemRow(100 + pid, card, quantities[pid - 1], NOW) for pid, card in cards.items()]
    rows = _Rows([CartRow(1, CLIENT, items, NOW, NOW)], [], promotions)

    shown = ShoppingReader(rows, FakeClock()).own_cart(CLIENT.id)

    assert shown is not None and rows.asked_at == [NOW]
    for line in shown.items:
        card = cards[line.product.id]
        expected = effective_price(card.price, card.id, card.category_id, promotions, NOW)
        assert line.product.effective_price == expected.effective
        assert Money.zero() <= line.product.effective_price <= line.product.price
    assert shown.total == sum_money(i.product.effective_price * i.quantity for i in shown.items)
    # Checkout freezes lines at price_all's prices for the same promotions and instant.
    quotes = price_all([c.pricing_item() for c in cards.values()], promotions, NOW)
    lines = place_order_lines(
        {i.product.id: i.quantity for i in items},
        {pid: quote.effective for pid, quote in quotes.items()},
        {pid: card.name for pid, card in cards.items()},
    )
    assert Order.place(CLIENT.id, lines, None, NOW).total == shown.total


@given(catalogue=catalogues, promotions=promotion_lists(near=NOW))
def test_wishlists_show_the_price_carts_show(catalogue, promotions):
    cards = [_card(pid, price, category) for pid, (price, category) in catalogue.items()]
    items = [CartItemRow(100 + c.id, c, 1, NOW) for c in cards]
    rows = _Rows(
        [CartRow(1, CLIENT, items, NOW, NOW)],
        [WishlistRow(2, CLIENT, cards, NOW, NOW)],
        promotions,
    )
    reader = ShoppingReader(rows, FakeClock())

    cart = reader.cart(MINE, 1)
    wishlist = reader.wishlist(MINE, 2)

    assert cart is not None and wishlist is not None
    assert [i.product for i in cart.items] == wishlist.products


def test_the_reader_prices_at_the_clock_s_instant():
    later = datetime(2031, 5, 1, tzinfo=UTC)
    rows = _Rows([], [], [])
    reader = ShoppingReader(rows, FakeClock(later))

    assert reader.own_cart(CLIENT.id) is None
    assert reader.wishlists(MINE, ListOptions(), PAGE).items == []
    assert rows.asked_at == [later, later]


def test_an_empty_cart_totals_zero():
    rows = _Rows([CartRow(1, CLIENT, [], NOW, NOW)], [], [])
    shown = ShoppingReader(rows, FakeClock()).own_cart(CLIENT.id)
    assert shown is not None and shown.items == [] and shown.total == Money.zero()
