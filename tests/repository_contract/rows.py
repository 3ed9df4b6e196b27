"""Rows the contract clauses need, written through the repositories under test (so the SQL
foreign keys hold: a cart needs its user, a product its category)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from chezflora.domain.address import Address
from chezflora.domain.catalogue import Category, Product
from chezflora.domain.money import Money
from chezflora.domain.subscription import PaymentState, Subscription, SubscriptionLine
from chezflora.domain.subscription_schedule import SubscriptionType
from chezflora.domain.user import Role, User
from chezflora.domain.workshop import Workshop

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
UowFactory = Callable[[], Any]


def an_address(client_id: int, name: str, is_default: bool = False) -> Address:
    return Address(
        client_id=client_id,
        nom=name,
        rue="Rue 1",
        ville="Douala",
        code_postal="237",
        pays="Cameroun",
        is_default=is_default,
        date_creation=NOW,
    )


def a_user(name: str = "awa", role: Role = Role.CLIENT) -> User:
    return User(
        username=name,
        email=f"{name}@example.cm",
        password_hash="hash",
        role=role,
        telephone="699000000",
        date_creation=NOW,
        date_mise_a_jour=NOW,
    )


def add_user(work: Any, name: str = "awa", role: Role = Role.CLIENT) -> int:
    user = a_user(name, role)
    work.users.add(user)
    assert user.id is not None
    return user.id


def add_category(work: Any, name: str = "Roses") -> int:
    return int(work.categories.add(Category(id=0, name=name, description="Des roses"), NOW))


def a_product(
    category_id: int, name: str = "Bouquet", price: str = "10.00", stock: int = 5
) -> Product:
    return Product(
        id=0,
        name=name,
        description=f"{name} du jour",
        price=Money(Decimal(price)),
        stock=stock,
        category_id=category_id,
    )


def add_product(
    work: Any, category_id: int, name: str = "Bouquet", price: str = "10.00", stock: int = 5
) -> int:
    return int(work.products.add(a_product(category_id, name, price, stock), NOW))


def a_subscription(
    client_id: int,
    lines: tuple[SubscriptionLine, ...],
    *,
    paid: bool = True,
    next_delivery: datetime | None = NOW,
) -> Subscription:
    return Subscription(
        id=0,
        client_id=client_id,
        type=SubscriptionType.MENSUEL,
        date_debut=date(2026, 11, 24),
        date_fin=None,
        lines=lines,
        prix=Money(Decimal("20.00")),
        paiement_statut=PaymentState.PAYE_MENSUEL if paid else PaymentState.NON_PAYE,
        prochaine_livraison=next_delivery,
        prochaine_facturation=NOW + timedelta(days=30),
    )


def a_workshop(name: str = "Bouquet rond", seats: int = 2, days_ahead: int = 7) -> Workshop:
    return Workshop(
        id=0,
        nom=name,
        description="Atelier du samedi",
        date=NOW + timedelta(days=days_ahead),
        duree=120,
        prix=Money(Decimal("15.00")),
        places_totales=seats,
    )
