"""What shopping erases when a person deletes their account: addresses, cart, wishlist.

Orders and payments stay (the accounts need them); their address link is cut by the database.
"""

from __future__ import annotations

from datetime import datetime

from chezflora.application.unit_of_work import UnitOfWork


class ShoppingPersonalData:
    def erase(self, uow: UnitOfWork, user_id: int, now: datetime) -> None:
        uow.addresses.delete_for_client(user_id)
        uow.wishlists.delete_for_client(user_id)
        cart = uow.carts.lock(user_id, now)
        if cart is not None:
            cart.clear()
            uow.carts.save(cart, now)
