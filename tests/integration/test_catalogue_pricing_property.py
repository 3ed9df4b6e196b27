"""Property: the price the product list shows is quote_all's price (the cart's), for any data."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chezflora.adapters.sqlalchemy.queries.promotions import SqlPromotionSource
from chezflora.adapters.sqlalchemy.tables.catalogue import (
    categories,
    products,
    promotion_products,
    promotions,
)
from chezflora.application.catalogue.commands import NewCategory, NewProduct, NewPromotion
from chezflora.application.pricing import PricedItem, quote_all
from chezflora.domain.money import Money
from tests.strategies import amounts, reductions

promotion_specs = st.tuples(
    reductions,
    st.integers(min_value=-3, max_value=3),  # start offset in days
    st.booleans(),  # active
    st.sampled_from(["category", "linked", "both"]),
    st.integers(min_value=0, max_value=4),  # which product is linked
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prices=st.lists(amounts, min_size=1, max_size=5),
    specs=st.lists(promotion_specs, max_size=4),
)
def test_listed_price_is_quote_all_price(client, container, engine, clock, prices, specs):
    with engine.begin() as conn:
        for table in (promotion_products, promotions, products, categories):
            conn.execute(table.delete())
    catalogue, now = container.catalogue, clock.now()
    cats = [catalogue.create_category(NewCategory(name=n)) for n in ("A", "B")]
    ids = [
        catalogue.create_product(
            NewProduct(
                name=f"P{i}",
                description="",
                price=Money(Decimal(str(price))),
                stock=1,
                category_id=cats[i % 2],
            )
        )
        for i, price in enumerate(prices)
    ]
    for n, (reduction, offset, active, scope, linked) in enumerate(specs):
        start = now + timedelta(days=offset)
        catalogue.create_promotion(
            NewPromotion(
                name=f"Promo {n}",
                reduction=Decimal(str(reduction)),
                starts_at=start,
                ends_at=start + timedelta(days=2),
                is_active=active,
                category_id=cats[n % 2] if scope != "linked" else None,
                product_ids=frozenset([ids[linked % len(ids)]] if scope != "category" else []),
            )
        )

    listed = client.get("/api/produits/?per_page=100").json()["results"]
    items = [
        PricedItem(p["id"], p["categorie"]["id"], Money(Decimal(str(p["prix"])))) for p in listed
    ]
    quotes = quote_all(items, SqlPromotionSource(engine), now)
    assert len(listed) == len(prices)
    for product in listed:
        shown = Money(Decimal(str(product["prix_reduit"])))
        assert shown == quotes[product["id"]].effective
        assert Money.zero() <= shown <= Money(Decimal(str(product["prix"])))
