"""Cart use cases: get-or-create, add, change quantity, remove, empty (admin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.common import retrying
from chezflora.application.shopping.reading import priced_cards
from chezflora.application.shopping.views import CartItemView, ProductCard
from chezflora.application.unit_of_work import UnitOfWork, UnitOfWorkFactory
from chezflora.domain.cart import Cart
from chezflora.domain.catalogue import Product
from chezflora.domain.errors import NotFound

CART_NOT_FOUND = "Panier non trouvé"
PRODUCT_NOT_FOUND = "Produit non trouvé"


def own_cart(uow: UnitOfWork, actor: Viewer, cart_id: int, now: datetime) -> Cart:
    """Cart actions work on the caller's own cart only, admins included (as the original); the
    cart is locked for the transaction and marked changed at `now`."""
    cart = uow.carts.lock(actor.user_id, now)
    if cart is None or cart.id != cart_id:
        raise NotFound(CART_NOT_FOUND)
    return cart


def active_product(uow: UnitOfWork, product_id: int) -> Product:
    product = uow.stock.products([product_id]).get(product_id)
    if product is None or not product.is_active:
        raise NotFound(PRODUCT_NOT_FOUND)
    return product


def active_card(uow: UnitOfWork, product_id: int, now: datetime) -> ProductCard:
    """The product as the cart shows it, read once for both the rules and the answer, and
    priced here by the step every read uses (shown == charged)."""
    found = uow.stock.cards([product_id], now)
    card = priced_cards(found.page.items, found.promotions, now).get(product_id)
    if card is None or not card.is_active:
        raise NotFound(PRODUCT_NOT_FOUND)
    return card


@dataclass(frozen=True, slots=True)
class ChangedLine:
    """The line after an item action, as answered; `created` when the product was not there."""

    item: CartItemView
    created: bool


def _changed_line(
    uow: UnitOfWork, cart: Cart, card: ProductCard, created: bool = False
) -> ChangedLine:
    assert cart.id is not None
    line = next(line for line in cart.lines if line.product_id == card.id)
    line_id = uow.carts.line_id(cart.id, card.id)
    assert line_id is not None
    return ChangedLine(CartItemView(line_id, cart.id, card, line.quantity, line.added_at), created)


class OpenCart:
    """The client's cart id, created on first use (it normally comes with the account)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, client_id: int) -> int:
        with self._uow() as uow:
            cart = uow.carts.ensure(client_id, self._clock.now())
            uow.commit()
        assert cart.id is not None
        return cart.id


class AddToCart:
    """Adds to an active product's quantity; the new quantity (int ≥ 1) must fit the stock.

    Nothing is reserved: stock only moves at checkout.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(
        self, actor: Viewer, cart_id: int, product_id: int, quantity: object
    ) -> ChangedLine:
        return retrying(lambda: self._once(actor, cart_id, product_id, quantity))

    def _once(self, actor: Viewer, cart_id: int, product_id: int, quantity: object) -> ChangedLine:
        now = self._clock.now()
        with self._uow() as uow:
            # The row lock serialises two clicks on the same cart (one line per product).
            cart = own_cart(uow, actor, cart_id, now)
            card = active_card(uow, product_id, now)
            created = product_id not in cart.quantities()
            cart.add(product_id, quantity, card.stock, now, card.name)
            uow.carts.save(cart, now)
            changed = _changed_line(uow, cart, card, created)
            uow.commit()
        return changed


class ChangeCartQuantity:
    """Sets a present product's quantity to a new value (int ≥ 1) that fits the stock."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(
        self, actor: Viewer, cart_id: int, product_id: int, quantity: object
    ) -> ChangedLine:
        now = self._clock.now()
        with self._uow() as uow:
            cart = own_cart(uow, actor, cart_id, now)
            card = active_card(uow, product_id, now)
            cart.change_quantity(product_id, quantity, card.stock, card.name)
            uow.carts.save(cart, now)
            changed = _changed_line(uow, cart, card)
            uow.commit()
        return changed


class RemoveFromCart:
    """Drops a product's line; the product must be in the cart."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, cart_id: int, product_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            cart = own_cart(uow, actor, cart_id, now)
            cart.remove(product_id)
            uow.carts.save(cart, now)
            uow.commit()


class EmptyCart:
    """Admin `DELETE /paniers/{id}/`: the lines go, the cart stays (one per client, always)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, cart_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            cart = uow.carts.get(cart_id)
            if cart is None:
                raise NotFound(CART_NOT_FOUND)
            cart.clear()
            uow.carts.save(cart, now)
            uow.commit()
