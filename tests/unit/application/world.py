"""A shop on in-memory fakes for use-case tests: people, products, carts, addresses, read back.

Everything is written through the fake repositories in committed units of work, as the use
cases themselves would find it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from zoneinfo import ZoneInfo

from chezflora.application.identity.authentication import Viewer
from chezflora.domain.address import Address
from chezflora.domain.cart import Cart, CartLine
from chezflora.domain.catalogue import Category, Product
from chezflora.domain.money import Money
from chezflora.domain.order import Order
from chezflora.domain.payment import Payment
from chezflora.domain.user import Role, User
from tests.fakes import FakeClock, FakeUnitOfWorkFactory

SHOP_ZONE = ZoneInfo("Africa/Douala")


def money(value: str) -> Money:
    return Money(Decimal(value))


@dataclass
class World:
    uow: FakeUnitOfWorkFactory = field(default_factory=FakeUnitOfWorkFactory)
    clock: FakeClock = field(default_factory=FakeClock)

    def person(self, name: str, role: Role = Role.CLIENT) -> Viewer:
        now = self.clock.now()
        user = User(
            username=name,
            email=f"{name}@example.cm",
            password_hash="plain$x",
            role=role,
            telephone="699000000",
            is_active=True,
            date_creation=now,
            date_mise_a_jour=now,
        )
        with self.uow() as work:
            work.users.add(user)
            work.commit()
        assert user.id is not None
        return Viewer(user.id, name, role is Role.ADMIN)

    def viewer(self, name: str) -> Viewer:
        """The caller an existing user would be."""
        with self.uow() as work:
            user = work.users.by_username(name)
        assert user is not None and user.id is not None
        return Viewer(user.id, user.username, user.role is Role.ADMIN)

    def product(
        self, name: str, price: str = "10.00", stock: int = 5, *, active: bool = True
    ) -> int:
        now = self.clock.now()
        with self.uow() as work:
            category = work.categories.id_by_name("Fleurs") or work.categories.add(
                Category(id=0, name="Fleurs"), now
            )
            product = Product(0, name, f"{name} frais", money(price), stock, category, active)
            product_id = work.products.add(product, now)
            work.commit()
        return product_id

    def deactivate(self, product_id: int) -> None:
        with self.uow() as work:
            product = work.products.get(product_id)
            work.products.save(replace(product, is_active=False), self.clock.now())
            work.commit()

    def address(self, client: Viewer) -> int:
        address = Address(
            client_id=client.user_id,
            nom="Maison",
            rue="Rue des Palmiers",
            ville="Douala",
            code_postal="237",
            pays="Cameroun",
            is_default=True,
            date_creation=self.clock.now(),
        )
        with self.uow() as work:
            work.addresses.add(address)
            work.commit()
        assert address.id is not None
        return address.id

    def cart(self, client: Viewer, quantities: dict[int, int]) -> int:
        now = self.clock.now()
        with self.uow() as work:
            cart = work.carts.ensure(client.user_id, now)
            lines = [CartLine(p, q, now) for p, q in quantities.items()]
            work.carts.save(Cart.restore(cart.id, client.user_id, lines), now)
            work.commit()
        assert cart.id is not None
        return cart.id

    def stock(self, product_id: int) -> int:
        with self.uow() as work:
            return work.stock.products([product_id])[product_id].stock

    def order(self, order_id: int) -> Order:
        with self.uow() as work:
            found = work.orders.get(order_id)
        assert found is not None
        return found

    def payments_of(self, order_id: int) -> list[Payment]:
        with self.uow() as work:
            return work.payments.for_order(order_id)

    def emails_to(self, name: str) -> list[str]:
        return [e.template for e in self.uow.emails if e.to == f"{name}@example.cm"]
