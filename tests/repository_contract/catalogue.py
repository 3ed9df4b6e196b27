"""The catalogue repositories' clauses: categories, products, promotions, photos."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from chezflora.application.catalogue.ports import PromotionDraft
from chezflora.domain.catalogue import Category
from chezflora.domain.errors import Conflict
from chezflora.domain.money import Money
from chezflora.domain.order import Order, OrderLine
from chezflora.domain.subscription import SubscriptionLine
from tests.repository_contract.rows import (
    NOW,
    UowFactory,
    a_product,
    a_subscription,
    add_category,
    add_product,
    add_user,
)


def categories_round_trip_and_one_with_products_is_not_deleted(uow: UowFactory) -> None:
    with uow() as work:
        roses = add_category(work, "Roses")
        empty = add_category(work, "Vide")
        rose = add_product(work, roses, "Rose")
        work.commit()
    with uow() as work:
        assert work.categories.get(roses) == Category(roses, "Roses", "Des roses", True)
        assert work.categories.id_by_name("Vide") == empty
        assert work.categories.id_by_name("Absente") is None
        assert (work.categories.product_count(roses), work.categories.product_count(empty)) == (
            1,
            0,
        )
        work.categories.save(Category(empty, "Vide", "Rien", is_active=False))
        work.categories.delete(empty)
        work.commit()
    with uow() as work:
        assert work.categories.get(empty) is None
        with pytest.raises(Conflict):
            work.categories.delete(roses)
    with uow() as work:
        work.products.delete(rose)
        work.categories.delete(roses)
        work.commit()
    with uow() as work:
        assert work.categories.get(roses) is None


def products_round_trip_and_one_in_a_subscription_is_not_deleted(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        roses = add_category(work)
        rose = add_product(work, roses, "Rose")
        kept = add_product(work, roses, "Tulipe")
        work.subscriptions.add(a_subscription(client, (SubscriptionLine(kept, 1),)), NOW)
        work.commit()
    with uow() as work:
        assert work.products.get(rose) == replace(a_product(roses, "Rose"), id=rose)
        changed = replace(a_product(roses, "Rose"), id=rose, stock=9, is_active=False)
        work.products.save(changed, NOW)
        assert work.products.existing_ids([rose, kept, rose + kept + 1000]) == {rose, kept}
        work.commit()
    with uow() as work:
        assert work.products.get(rose) == changed
        with pytest.raises(Conflict):
            work.products.delete(kept)
    with uow() as work:
        work.products.delete(rose)
        work.commit()
    with uow() as work:
        assert work.products.get(rose) is None and work.products.get(kept) is not None


def a_deleted_product_leaves_its_order_lines_without_it(uow: UowFactory) -> None:
    with uow() as work:
        client = add_user(work)
        roses = add_category(work)
        rose, tulip = add_product(work, roses, "Rose"), add_product(work, roses, "Tulipe")
        price = Money(Decimal("10.00"))
        lines = [OrderLine(rose, "Rose", 1, price), OrderLine(tulip, "Tulipe", 2, price)]
        order = Order.place(client, lines, None, NOW)
        work.orders.add(order)
        work.commit()
    with uow() as work:
        work.products.delete(rose)
        work.commit()
    with uow() as work:
        loaded = work.orders.get(order.id)
        assert loaded.quantities() == {tulip: 2}
        assert loaded.total == Money(Decimal("30.00"))


def _draft(name: str, **changes: object) -> PromotionDraft:
    base = PromotionDraft(
        name=name,
        reduction=Decimal("0.25"),
        starts_at=NOW,
        ends_at=NOW + timedelta(days=7),
        description="Fête",
    )
    return replace(base, **changes)


def promotions_round_trip_with_their_product_links(uow: UowFactory) -> None:
    with uow() as work:
        roses = add_category(work)
        rose, tulip = add_product(work, roses, "Rose"), add_product(work, roses, "Tulipe")
        draft = _draft("Noël", category_id=roses, product_ids=frozenset({rose}))
        noel = work.promotions.add(draft, NOW)
        other = work.promotions.add(_draft("Pâques"), NOW)
        work.commit()
    with uow() as work:
        assert work.promotions.get(noel) == draft
        assert work.promotions.id_by_name("Pâques") == other
        assert work.promotions.existing_ids([noel, other, noel + other]) == {noel, other}
        moved = _draft("Noël", reduction=Decimal("0.5"), product_ids=frozenset({tulip}))
        work.promotions.save(noel, moved)
        work.products.set_promotions(rose, [noel, other])
        work.commit()
    with uow() as work:
        assert work.promotions.get(noel) == replace(moved, product_ids=frozenset({rose, tulip}))
        assert work.promotions.get(other).product_ids == frozenset({rose})
        work.products.set_promotions(rose, [])
        work.promotions.delete(other)
        work.commit()
    with uow() as work:
        assert work.promotions.get(noel).product_ids == frozenset({tulip})
        assert work.promotions.get(other) is None


def photos_are_listed_per_entity_in_upload_order(uow: UowFactory) -> None:
    with uow() as work:
        first = work.photos.add("produit", 7, "produits/a.jpg", NOW)
        second = work.photos.add("produit", 7, "produits/b.jpg", NOW)
        elsewhere = work.photos.add("service", 7, "services/c.jpg", NOW)
        assert work.photos.add_free_image("libres/d.jpg", NOW) > 0
        work.commit()
    with uow() as work:
        assert [p.id for p in work.photos.for_entity("produit", 7)] == [first, second]
        photo = work.photos.get(elsewhere)
        assert (photo.image, photo.entity_type, photo.entity_id) == ("services/c.jpg", "service", 7)
        work.photos.delete(first)
        work.commit()
    with uow() as work:
        assert work.photos.get(first) is None
        assert [p.image for p in work.photos.for_entity("produit", 7)] == ["produits/b.jpg"]


CATALOGUE = [
    categories_round_trip_and_one_with_products_is_not_deleted,
    products_round_trip_and_one_in_a_subscription_is_not_deleted,
    a_deleted_product_leaves_its_order_lines_without_it,
    promotions_round_trip_with_their_product_links,
    photos_are_listed_per_entity_in_upload_order,
]
