"""Rows written straight into the tables subscriptions read (the catalogue API lives elsewhere)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from itertools import count
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.tables.catalogue import categories, photos, products
from chezflora.adapters.sqlalchemy.tables.identity import outbox_emails
from chezflora.adapters.sqlalchemy.tables.shopping import addresses, order_lines, orders, payments

_STAMP = datetime(2026, 1, 1, tzinfo=UTC)
_names = count(1)


def add_product(
    engine: Engine, prix: str = "1500.00", stock: int = 50, *, is_active: bool = True
) -> int:
    number = next(_names)
    with engine.begin() as conn:
        category = conn.execute(
            sa.insert(categories).values(
                nom=f"Catégorie {number}", is_active=True, date_creation=_STAMP
            )
        ).inserted_primary_key
        assert category is not None
        product = conn.execute(
            sa.insert(products).values(
                nom=f"Bouquet {number}",
                description="Des fleurs",
                prix=Decimal(prix),
                stock=stock,
                categorie_id=category[0],
                is_active=is_active,
                date_creation=_STAMP,
                date_mise_a_jour=_STAMP,
            )
        ).inserted_primary_key
    assert product is not None
    return int(product[0])


def add_photo(engine: Engine, product_id: int, image: str = "photos/2026/01/01/rose.jpg") -> int:
    with engine.begin() as conn:
        key = conn.execute(
            sa.insert(photos).values(
                image=image, uploaded_at=_STAMP, entity_type="produit", entity_id=product_id
            )
        ).inserted_primary_key
    assert key is not None
    return int(key[0])


def add_address(engine: Engine, client_id: int, *, is_default: bool) -> int:
    with engine.begin() as conn:
        key = conn.execute(
            sa.insert(addresses).values(
                client_id=client_id,
                nom="Maison" if is_default else "Bureau",
                rue="Rue de la Joie",
                ville="Douala",
                code_postal="00237",
                pays="Cameroun",
                is_default=is_default,
                date_creation=_STAMP,
            )
        ).inserted_primary_key
    assert key is not None
    return int(key[0])


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
