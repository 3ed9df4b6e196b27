"""In-memory catalogue repositories: categories, products (with promotion links), promotions,
photos. Deletes honour the SQL foreign keys (RESTRICT → Conflict, CASCADE, SET NULL)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from chezflora.application.catalogue.ports import PromotionDraft
from chezflora.domain.cart import Cart
from chezflora.domain.catalogue import CATEGORY_NOT_EMPTY, PRODUCT_IN_USE, Category, Product
from chezflora.domain.errors import Conflict
from chezflora.domain.photo import Photo
from tests.fakes.tables import Store, Tables


class InMemoryCategories:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, category_id: int) -> Category | None:
        return self._tables.categories.get(category_id)

    def id_by_name(self, name: str) -> int | None:
        return next((c.id for c in self._tables.categories.values() if c.name == name), None)

    def add(self, category: Category, now: datetime) -> int:
        category_id = self._store.new_id()
        self._tables.categories[category_id] = replace(category, id=category_id)
        return category_id

    def save(self, category: Category) -> None:
        if category.id in self._tables.categories:
            self._tables.categories[category.id] = category

    def delete(self, category_id: int) -> None:
        t = self._tables
        if self.product_count(category_id):
            raise Conflict(CATEGORY_NOT_EMPTY)
        t.categories.pop(category_id, None)
        for promotion_id, draft in t.promotions.items():  # promotions.categorie_id SET NULL
            if draft.category_id == category_id:
                t.promotions[promotion_id] = replace(draft, category_id=None)

    def product_count(self, category_id: int) -> int:
        return sum(p.category_id == category_id for p in self._tables.products.values())


class InMemoryProducts:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, product_id: int) -> Product | None:
        return self._tables.products.get(product_id)

    def add(self, product: Product, now: datetime) -> int:
        product_id = self._store.new_id()
        self._tables.products[product_id] = replace(product, id=product_id)
        return product_id

    def save(self, product: Product, now: datetime) -> None:
        if product.id in self._tables.products:
            self._tables.products[product.id] = product

    def delete(self, product_id: int) -> None:
        t = self._tables
        in_use = any(
            line.product_id == product_id
            for subscription in t.subscriptions.values()
            for line in subscription.lines
        )
        if in_use:
            raise Conflict(PRODUCT_IN_USE)
        t.products.pop(product_id, None)
        # CASCADE: cart lines, wishlist entries, promotion links; SET NULL: order lines.
        for cart_id, cart in t.carts.items():
            kept = [line for line in cart.lines if line.product_id != product_id]
            t.carts[cart_id] = Cart.restore(cart.id, cart.client_id, kept)
        t.cart_line_ids = {k: v for k, v in t.cart_line_ids.items() if k[1] != product_id}
        t.wishlist_products = {p for p in t.wishlist_products if p[1] != product_id}
        t.promotion_links = {p for p in t.promotion_links if p[1] != product_id}
        for order in t.orders.values():
            order.lines = [
                replace(line, product_id=None) if line.product_id == product_id else line
                for line in order.lines
            ]

    def existing_ids(self, product_ids: Iterable[int]) -> set[int]:
        return set(product_ids) & set(self._tables.products)

    def set_promotions(self, product_id: int, promotion_ids: Iterable[int]) -> None:
        t = self._tables
        t.promotion_links = {p for p in t.promotion_links if p[1] != product_id}
        t.promotion_links |= {(promotion_id, product_id) for promotion_id in promotion_ids}


class InMemoryPromotions:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, promotion_id: int) -> PromotionDraft | None:
        draft = self._tables.promotions.get(promotion_id)
        if draft is None:
            return None
        links = frozenset(p for q, p in self._tables.promotion_links if q == promotion_id)
        return replace(draft, product_ids=links)

    def id_by_name(self, name: str) -> int | None:
        return next((k for k, d in self._tables.promotions.items() if d.name == name), None)

    def add(self, draft: PromotionDraft, now: datetime) -> int:
        promotion_id = self._store.new_id()
        self.save(promotion_id, draft)
        return promotion_id

    def save(self, promotion_id: int, draft: PromotionDraft) -> None:
        t = self._tables
        t.promotions[promotion_id] = replace(draft, product_ids=frozenset())
        t.promotion_links = {p for p in t.promotion_links if p[0] != promotion_id}
        t.promotion_links |= {(promotion_id, product_id) for product_id in draft.product_ids}

    def delete(self, promotion_id: int) -> None:
        t = self._tables
        t.promotions.pop(promotion_id, None)
        t.promotion_links = {p for p in t.promotion_links if p[0] != promotion_id}

    def existing_ids(self, promotion_ids: Iterable[int]) -> set[int]:
        return set(promotion_ids) & set(self._tables.promotions)


class InMemoryPhotos:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def add(self, entity_type: str, entity_id: int, image: str, now: datetime) -> int:
        photo_id = self._store.new_id()
        self._tables.photos[photo_id] = Photo(photo_id, image, entity_type, entity_id)
        self._tables.photo_uploaded_at[photo_id] = now
        return photo_id

    def get(self, photo_id: int) -> Photo | None:
        return self._tables.photos.get(photo_id)

    def delete(self, photo_id: int) -> None:
        self._tables.photos.pop(photo_id, None)
        self._tables.photo_uploaded_at.pop(photo_id, None)

    def for_entity(self, entity_type: str, entity_id: int) -> list[Photo]:
        return [
            photo
            for _, photo in sorted(self._tables.photos.items())
            if photo.entity_type == entity_type and photo.entity_id == entity_id
        ]

    def add_free_image(self, image: str, now: datetime) -> int:
        image_id = self._store.new_id()
        self._tables.free_images[image_id] = image
        return image_id
