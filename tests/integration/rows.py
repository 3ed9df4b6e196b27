"""Rows written straight into the tables (no HTTP), for tests that need a world quickly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import count
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.catalogue import (
    categories,
    photos,
    products,
    promotion_products,
    promotions,
)
from chezflora.adapters.sqlalchemy.tables.identity import outbox_emails
from chezflora.adapters.sqlalchemy.tables.shopping import addresses, order_lines, orders, payments
from chezflora.application.identity.authentication import Viewer
from chezflora.bootstrap import Container
from chezflora.domain.address import Address
from chezflora.domain.user import User
from tests.fakes import FakeClock

EPOCH = FakeClock().now()
# The day in the default photo's storage name.
PHOTO_DAY = datetime(2026, 1, 1, tzinfo=UTC)
_names = count(1)


def add_category(engine: Engine, nom: str = "Roses", *, is_active: bool = True) -> int:
    with engine.begin() as conn:
        return inserted_id(
            conn.execute(
                sa.insert(categories).values(
                    nom=nom, description=None, is_active=is_active, date_creation=EPOCH
                )
            )
        )


def add_product(
    engine: Engine,
    category_id: int,
    nom: str = "Bouquet",
    prix: str | Decimal = "1500.00",
    stock: int = 10,
    *,
    is_active: bool = True,
) -> int:
    with engine.begin() as conn:
        return inserted_id(
            conn.execute(
                sa.insert(products).values(
                    nom=nom,
                    description=f"{nom} frais du jour",
                    prix=Decimal(prix),
                    stock=stock,
                    categorie_id=category_id,
                    is_active=is_active,
                    date_creation=EPOCH,
                    date_mise_a_jour=EPOCH,
                )
            )
        )


def add_promotion(
    engine: Engine,
    nom: str,
    reduction: str | Decimal,
    *,
    product_ids: tuple[int, ...] = (),
    category_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    is_active: bool = True,
) -> int:
    with engine.begin() as conn:
        promotion_id = inserted_id(
            conn.execute(
                sa.insert(promotions).values(
                    nom=nom,
                    description=None,
                    reduction=Decimal(reduction),
                    date_debut=start or EPOCH - timedelta(days=1),
                    date_fin=end or EPOCH + timedelta(days=30),
                    categorie_id=category_id,
                    is_active=is_active,
                    date_creation=EPOCH,
                )
            )
        )
        for product_id in product_ids:
            conn.execute(
                sa.insert(promotion_products).values(
                    promotion_id=promotion_id, produit_id=product_id
                )
            )
    return promotion_id


def add_product_in_new_category(
    engine: Engine, prix: str = "1500.00", stock: int = 50, *, is_active: bool = True
) -> int:
    """A product alone in a category of its own, both named uniquely."""
    number = next(_names)
    category_id = add_category(engine, f"Catégorie {number}")
    return add_product(engine, category_id, f"Bouquet {number}", prix, stock, is_active=is_active)


def add_photo(engine: Engine, product_id: int, image: str = "photos/2026/01/01/rose.jpg") -> int:
    with engine.begin() as conn:
        return inserted_id(
            conn.execute(
                sa.insert(photos).values(
                    image=image, uploaded_at=PHOTO_DAY, entity_type="produit", entity_id=product_id
                )
            )
        )


def add_address(engine: Engine, client_id: int, *, is_default: bool) -> int:
    with engine.begin() as conn:
        return inserted_id(
            conn.execute(
                sa.insert(addresses).values(
                    client_id=client_id,
                    nom="Maison" if is_default else "Bureau",
                    rue="Rue de la Joie",
                    ville="Douala",
                    code_postal="00237",
                    pays="Cameroun",
                    is_default=is_default,
                    date_creation=EPOCH,
                )
            )
        )


def set_stock(engine: Engine, product_id: int, stock: int) -> None:
    with engine.begin() as conn:
        conn.execute(sa.update(products).where(products.c.id == product_id).values(stock=stock))


def stock_of(engine: Engine, product_id: int) -> int:
    with engine.connect() as conn:
        query = sa.select(products.c.stock).where(products.c.id == product_id)
        return int(conn.execute(query).scalar_one())


def orders_of(engine: Engine, subscription_id: int) -> list[Any]:
    with engine.connect() as conn:
        query = sa.select(orders).where(orders.c.abonnement_id == subscription_id)
        return list(conn.execute(query.order_by(orders.c.date_livraison)).all())


def lines_of(engine: Engine, order_id: int) -> list[Any]:
    with engine.connect() as conn:
        query = sa.select(order_lines).where(order_lines.c.commande_id == order_id)
        return list(conn.execute(query.order_by(order_lines.c.produit_id)).all())


def payments_of(engine: Engine, subscription_id: int) -> list[Any]:
    with engine.connect() as conn:
        query = sa.select(payments).where(payments.c.abonnement_id == subscription_id)
        return list(conn.execute(query.order_by(payments.c.id)).all())


def set_payment_status(engine: Engine, payment_id: int, statut: str) -> None:
    with engine.begin() as conn:
        conn.execute(sa.update(payments).where(payments.c.id == payment_id).values(statut=statut))


def emails(engine: Engine, template: str) -> list[Any]:
    with engine.connect() as conn:
        query = sa.select(outbox_emails).where(outbox_emails.c.template == template)
        return list(conn.execute(query.order_by(outbox_emails.c.id)).all())


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
