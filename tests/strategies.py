"""Shared Hypothesis strategies: amounts, money, aware UTC datetimes, promotions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from chezflora.domain.money import Money
from chezflora.domain.pricing import Promotion

# --- amounts ---------------------------------------------------------------------------------

MAX_AMOUNT = Decimal("999999.99")

amounts = st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2)
signed_amounts = st.decimals(min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT, places=2)
money = amounts.map(Money)
signed_money = signed_amounts.map(Money)
# Arbitrary finite decimals (any number of places), for rounding properties.
raw_decimals = st.decimals(
    min_value=-MAX_AMOUNT, max_value=MAX_AMOUNT, allow_nan=False, allow_infinity=False
)

# --- time ------------------------------------------------------------------------------------

aware_datetimes = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2099, 12, 31),
    timezones=st.just(UTC),
)
positive_durations = st.timedeltas(
    min_value=timedelta(microseconds=1), max_value=timedelta(days=400)
)

# --- catalogue ids ---------------------------------------------------------------------------

# Small ranges so generated promotions actually hit the product under test.
product_ids = st.integers(min_value=1, max_value=5)
category_ids = st.integers(min_value=1, max_value=3)
promotion_ids = st.integers(min_value=1, max_value=10_000)

# --- promotions ------------------------------------------------------------------------------

# Fractions in [0, 1]; four places covers "12.5 %" style reductions.
reductions = st.decimals(min_value=0, max_value=1, places=4)


@st.composite
def promotions(
    draw: st.DrawFn,
    *,
    valid_at: datetime | None = None,
    near: datetime | None = None,
    is_active: bool | None = None,
) -> Promotion:
    """A well-formed promotion (date_debut < date_fin).

    `valid_at`: valid at that instant. `near`: a period around that instant, so that about half
    are valid then (random periods over a century almost never contain a given instant).
    """
    if near is not None:
        date_debut = near + draw(
            st.timedeltas(min_value=timedelta(days=-30), max_value=timedelta(days=5))
        )
        date_fin = date_debut + draw(
            st.timedeltas(min_value=timedelta(microseconds=1), max_value=timedelta(days=40))
        )
    elif valid_at is not None:
        around = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60))
        date_debut = valid_at - draw(around)
        date_fin = valid_at + draw(around)
        if date_fin == date_debut:
            date_fin += timedelta(microseconds=1)
        is_active = True
    else:
        date_debut = draw(aware_datetimes)
        date_fin = date_debut + draw(positive_durations)
    return Promotion(
        id=draw(promotion_ids),
        nom=draw(st.text(min_size=1, max_size=20)),
        reduction=draw(reductions),
        date_debut=date_debut,
        date_fin=date_fin,
        is_active=draw(st.booleans()) if is_active is None else is_active,
        categorie_id=draw(st.none() | category_ids),
        produit_ids=draw(st.frozensets(product_ids, max_size=3)),
    )


def promotion_lists(
    *,
    valid_at: datetime | None = None,
    near: datetime | None = None,
    is_active: bool | None = None,
    max_size: int = 6,
) -> st.SearchStrategy[list[Promotion]]:
    """Lists of promotions with distinct ids, as a database would hold them."""
    return st.lists(
        promotions(valid_at=valid_at, near=near, is_active=is_active),
        max_size=max_size,
        unique_by=lambda promo: promo.id,
    )
