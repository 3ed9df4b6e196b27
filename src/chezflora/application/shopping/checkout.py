"""Checkout: the cart becomes an order, atomically, at the prices the client was shown."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.pricing import PricedItem, quote_all
from chezflora.application.shopping.carts import own_cart
from chezflora.application.shopping.common import amount, notify_user, remember_caller, retrying
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.address import NOT_FOUND_MESSAGE as ADDRESS_NOT_FOUND
from chezflora.domain.errors import InvalidInput, NoLongerSold, NotFound, OutOfStock
from chezflora.domain.money import Money
from chezflora.domain.order import EMPTY_CART_MESSAGE, Order, place_order_lines
from chezflora.domain.payment import Payment

ADDRESS_REQUIRED = "Adresse de livraison requise"


@dataclass(frozen=True, slots=True)
class PlacedOrder:
    order_id: int
    payment_id: int
    total: Money


class CheckOut:
    """`valider_panier`: all lines or nothing.

    - The cart must hold something and `adresse_id` must be one of the caller's addresses.
    - Unit prices are the effective prices now (same rule as the cart total shown).
    - A product no longer sold (inactive or deleted) → 409 `Produit(s) plus en vente : …`
      naming it; nothing changes.
    - Stock is decremented by conditional updates in product-id order; any short line → 409
      `Stock insuffisant` naming the products, and nothing changes.
    - The order starts en_attente with a `simule` payment for its total; the cart is emptied
      and the client gets a confirmation e-mail.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, cart_id: int, address_id: int | None) -> PlacedOrder:
        return retrying(lambda: self._once(actor, cart_id, address_id))

    def _once(self, actor: Viewer, cart_id: int, address_id: int | None) -> PlacedOrder:
        now = self._clock.now()
        with self._uow() as uow:
            remember_caller(uow, actor)
            cart = own_cart(uow, actor, cart_id, now)
            if cart.is_empty():
                raise InvalidInput(EMPTY_CART_MESSAGE)
            if address_id is None:
                raise InvalidInput.on_field("adresse_id", ADDRESS_REQUIRED)
            if uow.addresses.owner_of(address_id) != actor.user_id:
                raise NotFound(ADDRESS_NOT_FOUND)
            quantities = cart.quantities()
            products = uow.stock.products(quantities)
            gone = [
                products[p].name if p in products else f"#{p}"
                for p in quantities
                if p not in products or not products[p].is_active
            ]
            if gone:
                raise NoLongerSold(gone)
            quotes = quote_all(
                [PricedItem(p.id, p.category_id, p.price) for p in products.values()],
                uow.stock,
                now,
            )
            lines = place_order_lines(
                quantities,
                {pid: quote.effective for pid, quote in quotes.items()},
                {pid: product.name for pid, product in products.items()},
            )
            short = uow.stock.take(quantities)
            if short:
                raise OutOfStock([products[pid].name for pid in short])
            order = Order.place(actor.user_id, lines, address_id, now)
            uow.orders.add(order)
            assert order.id is not None
            payment = Payment.for_order(order.id, actor.user_id, order.total, now)
            uow.payments.add(payment)
            cart.clear()
            uow.carts.save(cart, now)
            notify_user(
                uow,
                actor.user_id,
                "order_confirmation",
                commande_id=order.id,
                total=amount(order.total),
                articles=sum(quantities.values()),
                date=now.strftime("%Y-%m-%d %H:%M"),
            )
            uow.commit()
        assert payment.id is not None
        return PlacedOrder(order.id, payment.id, order.total)
