"""Rows and look-ups for workshop tests (written straight to the tables where the API is not
the subject)."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.tables.shopping import payments
from chezflora.adapters.sqlalchemy.tables.workshops import workshop_registrations, workshops


def add_workshop(
    engine: Engine,
    now: datetime,
    *,
    seats: int = 10,
    nom: str = "Ikebana",
    prix: str = "5000.00",
    days_ahead: float = 30,
    is_active: bool = True,
) -> int:
    with engine.begin() as conn:
        result = conn.execute(
            sa.insert(workshops).values(
                nom=nom,
                description="Atelier",
                date=now + timedelta(days=days_ahead),
                duree=120,
                prix=Decimal(prix),
                places_totales=seats,
                places_prises=0,
                is_active=is_active,
                date_creation=now,
                date_mise_a_jour=now,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def workshop_row(engine: Engine, workshop_id: int) -> Any:
    with engine.connect() as conn:
        return conn.execute(sa.select(workshops).where(workshops.c.id == workshop_id)).one()


def registrations_of(engine: Engine, workshop_id: int) -> list[Any]:
    with engine.connect() as conn:
        query = sa.select(workshop_registrations).where(
            workshop_registrations.c.atelier_id == workshop_id
        )
        return list(conn.execute(query.order_by(workshop_registrations.c.id)).all())


def seat_payments(engine: Engine, workshop_id: int) -> list[Any]:
    with engine.connect() as conn:
        query = sa.select(payments).where(payments.c.atelier_id == workshop_id)
        return list(conn.execute(query.order_by(payments.c.id)).all())
