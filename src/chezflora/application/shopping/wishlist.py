"""Wishlist: one per client, auto-created; adding is idempotent."""

from __future__ import annotations

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.carts import active_product
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.errors import InvalidInput, NotFound

NOT_IN_WISHLIST = "Produit non dans la wishlist."
WISHLIST_NOT_FOUND = "Wishlist non trouvée"


class AddToWishlist:
    """An active product joins the caller's wishlist; adding it again changes nothing."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, product_id: int) -> bool:
        now = self._clock.now()
        with self._uow() as uow:
            active_product(uow, product_id)
            wishlist_id = uow.wishlists.ensure(actor.user_id, now)
            added = uow.wishlists.add_product(wishlist_id, product_id, now)
            uow.commit()
        return added


class RemoveFromWishlist:
    """The product leaves the caller's wishlist; 400 when it was not there."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, product_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            wishlist_id = uow.wishlists.ensure(actor.user_id, now)
            if not uow.wishlists.remove_product(wishlist_id, product_id, now):
                raise InvalidInput(NOT_IN_WISHLIST)
            uow.commit()


class DeleteWishlist:
    """Admin: a wishlist goes (the client gets a new empty one on next use)."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, wishlist_id: int) -> None:
        with self._uow() as uow:
            if uow.wishlists.owner(wishlist_id) is None:
                raise NotFound(WISHLIST_NOT_FOUND)
            uow.wishlists.delete(wishlist_id)
            uow.commit()
