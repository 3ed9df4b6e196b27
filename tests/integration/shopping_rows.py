"""Shoppers created straight through the unit of work (no HTTP, no slow password hashing)."""

from __future__ import annotations

from chezflora.application.identity.authentication import Viewer
from chezflora.bootstrap import Container
from chezflora.domain.address import Address
from chezflora.domain.user import User


def add_shopper(container: Container, username: str) -> tuple[Viewer, int, int]:
    """An active client with a cart and one address: (viewer, cart id, address id)."""
    now = container.clock.now()
    with container.uow() as uow:
        user = User(
            username=username,
            email=f"{username}@example.cm",
            password_hash="x",
            is_active=True,
            date_creation=now,
            date_mise_a_jour=now,
        )
        uow.users.add(user)
        assert user.id is not None
        cart = uow.carts.ensure(user.id, now)
        address = Address(
            client_id=user.id,
            nom="Maison",
            rue="1 rue des Fleurs",
            ville="Douala",
            code_postal="00237",
            pays="Cameroun",
            date_creation=now,
        )
        uow.addresses.add(address)
        uow.commit()
    assert cart.id is not None and address.id is not None
    return Viewer(user.id, username, False), cart.id, address.id
