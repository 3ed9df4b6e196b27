"""In-memory shopping repositories, mirroring the SQL ones (adapters/sqlalchemy/repositories):
conditional updates answer False when they lose, stock never goes below zero."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import datetime

from chezflora.application.catalogue.views import PhotoView
from chezflora.application.pricing import PricedItem
from chezflora.application.shopping.repositories import DeliveryAlreadyGenerated
from chezflora.application.shopping.rows import ToPrice, UnpricedCard
from chezflora.domain.address import Address
from chezflora.domain.cart import Cart, CartLine
from chezflora.domain.catalogue import Product
from chezflora.domain.idempotency import StoredResponse
from chezflora.domain.order import Order, OrderStatus
from chezflora.domain.payment import Payment, PaymentStatus
from chezflora.domain.pricing import Promotion
from tests.fakes.tables import Store, Tables

PENDING = 0
PRODUCT_PHOTO = "produit"


class InMemoryStock:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables = tables

    def products(self, product_ids: Iterable[int]) -> dict[int, Product]:
        rows = self._tables.products
        return {p: rows[p] for p in sorted(set(product_ids)) if p in rows}

    def cards(self, product_ids: Iterable[int], now: datetime) -> ToPrice[UnpricedCard]:
        found = [self._card(p) for p in self.products(product_ids).values()]
        return ToPrice.read_by_id(found, self.valid_for([c.pricing_item() for c in found], now))

    def _card(self, product: Product) -> UnpricedCard:
        t = self._tables
        photos = tuple(
            PhotoView(
                photo.id, photo.image, t.photo_uploaded_at[photo.id], PRODUCT_PHOTO, product.id
            )
            for photo in sorted(t.photos.values(), key=lambda p: p.id)
            if photo.entity_type == PRODUCT_PHOTO and photo.entity_id == product.id
        )
        category = t.categories.get(product.category_id)
        return UnpricedCard(
            id=product.id,
            name=product.name,
            description=product.description,
            price=product.price,
            stock=product.stock,
            is_active=product.is_active,
            category_id=product.category_id,
            category_name=None if category is None else category.name,
            photos=photos,
        )

    def valid_for(self, items: Iterable[PricedItem], now: datetime) -> list[Promotion]:
        items = list(items)
        product_ids = {i.product_id for i in items}
        category_ids = {i.category_id for i in items if i.category_id is not None}
        if not product_ids:
            return []
        t = self._tables
        found = []
        for promotion_id, draft in sorted(t.promotions.items()):
            links = frozenset(p for q, p in t.promotion_links if q == promotion_id)
            linked = bool(links & product_ids) or draft.category_id in category_ids
            if draft.is_active and draft.starts_at <= now <= draft.ends_at and linked:
                found.append(
                    Promotion(
                        id=promotion_id,
                        nom=draft.name,
                        reduction=draft.reduction,
                        date_debut=draft.starts_at,
                        date_fin=draft.ends_at,
                        is_active=draft.is_active,
                        categorie_id=draft.category_id,
                        produit_ids=links,
                    )
                )
        return found

    def take(self, quantities: Mapping[int, int]) -> list[int]:
        rows, short = self._tables.products, []
        for product_id in sorted(quantities):
            wanted, product = quantities[product_id], rows.get(product_id)
            if product is None or product.stock < wanted:
                short.append(product_id)
            else:
                rows[product_id] = replace(product, stock=product.stock - wanted)
        return short

    def put_back(self, quantities: Mapping[int, int]) -> None:
        rows = self._tables.products
        for product_id in sorted(quantities):
            if product_id in rows:
                product = rows[product_id]
                rows[product_id] = replace(product, stock=product.stock + quantities[product_id])


class InMemoryCarts:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def for_client(self, client_id: int) -> Cart | None:
        found = next((c for c in self._tables.carts.values() if c.client_id == client_id), None)
        return None if found is None else self._read(found)

    def lock(self, client_id: int, now: datetime) -> Cart | None:
        return self.for_client(client_id)  # one writer at a time in memory

    def get(self, cart_id: int) -> Cart | None:
        found = self._tables.carts.get(cart_id)
        return None if found is None else self._read(found)

    def ensure(self, client_id: int, now: datetime) -> Cart:
        existing = self.for_client(client_id)
        if existing is not None:
            return existing
        cart = Cart(id=self._store.new_id(), client_id=client_id)
        assert cart.id is not None
        self._tables.carts[cart.id] = cart
        return self._read(cart)

    def save(self, cart: Cart, now: datetime) -> None:
        assert cart.id is not None
        t = self._tables
        wanted = {line.product_id for line in cart.lines}
        for key in [k for k in t.cart_line_ids if k[0] == cart.id and k[1] not in wanted]:
            del t.cart_line_ids[key]
        for line in cart.lines:  # new lines get ids in the cart's order, like the inserts
            if (cart.id, line.product_id) not in t.cart_line_ids:
                t.cart_line_ids[cart.id, line.product_id] = self._store.new_id()
        t.carts[cart.id] = copy.deepcopy(cart)

    def line_id(self, cart_id: int, product_id: int) -> int | None:
        return self._tables.cart_line_ids.get((cart_id, product_id))

    def _read(self, cart: Cart) -> Cart:
        """A copy, lines in line-id order as the SQL read gives them."""
        assert cart.id is not None
        ids = self._tables.cart_line_ids
        lines = sorted(cart.lines, key=lambda line: ids.get((cart.id or 0, line.product_id), 0))
        return Cart.restore(
            cart.id, cart.client_id, [CartLine(x.product_id, x.quantity, x.added_at) for x in lines]
        )


class InMemoryAddresses:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, address_id: int) -> Address | None:
        return copy.deepcopy(self._tables.addresses.get(address_id))

    def owner_of(self, address_id: int) -> int | None:
        address = self._tables.addresses.get(address_id)
        return None if address is None else address.client_id

    def add(self, address: Address) -> None:
        address.id = self._store.new_id()
        self._tables.addresses[address.id] = copy.deepcopy(address)

    def save(self, address: Address) -> None:
        if address.id in self._tables.addresses:
            self._tables.addresses[address.id] = copy.deepcopy(address)

    def delete(self, address_id: int) -> None:
        self._tables.addresses.pop(address_id, None)
        self._forget_in_orders({address_id})

    def delete_for_client(self, client_id: int) -> None:
        gone = {k for k, a in self._tables.addresses.items() if a.client_id == client_id}
        for address_id in gone:
            del self._tables.addresses[address_id]
        self._forget_in_orders(gone)

    def clear_default(self, client_id: int, except_id: int) -> None:
        for address in self._tables.addresses.values():
            if address.client_id == client_id and address.id != except_id:
                address.is_default = False

    def _forget_in_orders(self, address_ids: set[int]) -> None:
        """orders.adresse_id is ON DELETE SET NULL."""
        for order in self._tables.orders.values():
            if order.address_id in address_ids:
                order.address_id = None


class InMemoryOrders:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, order_id: int, *, for_update: bool = False) -> Order | None:
        order = copy.deepcopy(self._tables.orders.get(order_id))
        if order is not None:
            # A line whose product was deleted (or that never had one) has nothing to restore.
            order.lines = [line for line in order.lines if line.product_id is not None]
        return order

    def add(self, order: Order) -> None:
        if order.subscription_id is not None and self._tables.delivery_taken(
            order.subscription_id, order.delivery_date
        ):
            raise DeliveryAlreadyGenerated(order.subscription_id, order.delivery_date)
        order.id = self._store.new_id()
        self._tables.orders[order.id] = copy.deepcopy(order)

    def move(self, order_id: int, current: OrderStatus, target: OrderStatus, now: datetime) -> bool:
        order = self._tables.orders.get(order_id)
        if order is None or order.status is not current:
            return False
        order.status, order.updated_at = target, now
        return True

    def claim_stock_restoration(self, order_id: int) -> bool:
        order = self._tables.orders.get(order_id)
        if order is None or order.stock_restored:
            return False
        order.stock_restored = True
        return True

    def set_active(self, order_id: int, is_active: bool, now: datetime) -> None:
        order = self._tables.orders.get(order_id)
        if order is not None:
            order.is_active, order.updated_at = is_active, now


class InMemoryPayments:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, payment_id: int, *, for_update: bool = False) -> Payment | None:
        return copy.deepcopy(self._tables.payments.get(payment_id))

    def add(self, payment: Payment) -> None:
        payment.id = self._store.new_id()
        self._tables.payments[payment.id] = copy.deepcopy(payment)

    def for_order(self, order_id: int) -> list[Payment]:
        return [
            copy.deepcopy(p)
            for _, p in sorted(self._tables.payments.items())
            if p.order_id == order_id
        ]

    def move(
        self, payment_id: int, current: PaymentStatus, target: PaymentStatus, now: datetime
    ) -> bool:
        payment = self._tables.payments.get(payment_id)
        if payment is None or payment.status is not current:
            return False
        payment.status, payment.updated_at = target, now
        return True


class InMemoryWishlists:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def ensure(self, client_id: int, now: datetime) -> int:
        found = next((w for w, c in self._tables.wishlists.items() if c == client_id), None)
        if found is None:
            found = self._store.new_id()
            self._tables.wishlists[found] = client_id
        return found

    def owner(self, wishlist_id: int) -> int | None:
        return self._tables.wishlists.get(wishlist_id)

    def add_product(self, wishlist_id: int, product_id: int, now: datetime) -> bool:
        pair = (wishlist_id, product_id)
        if pair in self._tables.wishlist_products:
            return False
        self._tables.wishlist_products.add(pair)
        return True

    def remove_product(self, wishlist_id: int, product_id: int, now: datetime) -> bool:
        pair = (wishlist_id, product_id)
        if pair not in self._tables.wishlist_products:
            return False
        self._tables.wishlist_products.discard(pair)
        return True

    def delete(self, wishlist_id: int) -> None:
        self._tables.wishlists.pop(wishlist_id, None)
        self._tables.wishlist_products = {
            p for p in self._tables.wishlist_products if p[0] != wishlist_id
        }

    def delete_for_client(self, client_id: int) -> None:
        for wishlist_id in [w for w, c in self._tables.wishlists.items() if c == client_id]:
            self.delete(wishlist_id)


class InMemoryIdempotency:
    """No concurrency in memory: a claimed key is simply there (no waiting, no KeyStillInUse)."""

    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables = tables

    def claim(self, user_id: int, key: str, fingerprint: str, now: datetime) -> bool:
        if (user_id, key) in self._tables.idempotency:
            return False
        self._tables.idempotency[user_id, key] = StoredResponse(fingerprint, PENDING, b"", now)
        return True

    def find(self, user_id: int, key: str) -> StoredResponse | None:
        return self._tables.idempotency.get((user_id, key))

    def complete(self, user_id: int, key: str, status: int, body: bytes) -> None:
        stored = self._tables.idempotency.get((user_id, key))
        if stored is not None:
            self._tables.idempotency[user_id, key] = replace(stored, status=status, body=body)

    def release(self, user_id: int, key: str) -> None:
        stored = self._tables.idempotency.get((user_id, key))
        if stored is not None and stored.status == PENDING:
            del self._tables.idempotency[user_id, key]

    def replace_expired(
        self, user_id: int, key: str, expired_at: datetime, fingerprint: str, now: datetime
    ) -> bool:
        stored = self._tables.idempotency.get((user_id, key))
        if stored is None or stored.created_at != expired_at:
            return False
        self._tables.idempotency[user_id, key] = StoredResponse(fingerprint, PENDING, b"", now)
        return True
