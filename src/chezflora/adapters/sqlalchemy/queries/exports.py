"""CSV exports: name → columns and one streamed SELECT. Features append their own entries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.tables.catalogue import categories, products
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.services import quotes, services
from chezflora.adapters.sqlalchemy.tables.shopping import orders, payments
from chezflora.adapters.sqlalchemy.tables.workshops import workshop_registrations, workshops


@dataclass(frozen=True)
class Export:
    description: str
    query: sa.Select[Any]

    @property
    def columns(self) -> list[str]:
        return [c.name for c in self.query.selected_columns]


def count(engine: Engine, export: Export) -> int:
    with engine.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(export.query.subquery()))
        return int(total.scalar_one())


def rows(engine: Engine, export: Export, batch: int = 1000) -> Iterator[list[str]]:
    """Streamed in batches: an export of the whole shop must not sit in memory."""
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(export.query)
        for row in result:
            yield [_text(value) for value in row]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


EXPORTS: dict[str, Export] = {
    "products": Export(
        "produits avec catégorie, prix (FCFA) et stock",
        sa.select(
            products.c.id,
            products.c.nom,
            categories.c.nom.label("categorie"),
            products.c.prix,
            products.c.stock,
            products.c.is_active,
            products.c.date_creation,
            products.c.date_mise_a_jour,
        )
        .join(categories, categories.c.id == products.c.categorie_id)
        .order_by(products.c.id),
    ),
    "users": Export(
        "comptes (sans mot de passe ni comptes supprimés)",
        sa.select(
            users.c.id,
            users.c.username,
            users.c.email,
            users.c.role,
            users.c.is_active,
            users.c.is_banned,
            users.c.telephone,
            users.c.adresse,
            users.c.date_creation,
            users.c.last_login,
        )
        .where(users.c.deleted_at.is_(None))
        .order_by(users.c.id),
    ),
    "orders": Export(
        "commandes avec client, statut et total (FCFA)",
        sa.select(
            orders.c.id,
            orders.c.date,
            users.c.username.label("client"),
            users.c.email,
            orders.c.statut,
            orders.c.total,
            orders.c.abonnement_id,
            orders.c.date_mise_a_jour,
        )
        .join(users, users.c.id == orders.c.client_id)
        .order_by(orders.c.id),
    ),
    "payments": Export(
        "paiements avec payeur, objet, montant (FCFA) et statut",
        sa.select(
            payments.c.id,
            payments.c.date,
            users.c.username.label("payeur"),
            payments.c.type_transaction,
            payments.c.commande_id,
            payments.c.abonnement_id,
            payments.c.montant,
            payments.c.statut,
            payments.c.methode_paiement,
        )
        .join(users, users.c.id == payments.c.utilisateur_id)
        .order_by(payments.c.id),
    ),
    "workshops": Export(
        "ateliers avec date, prix (FCFA), places totales, prises et disponibles",
        sa.select(
            workshops.c.id,
            workshops.c.nom,
            workshops.c.description,
            workshops.c.date,
            workshops.c.duree,
            workshops.c.prix,
            workshops.c.places_totales,
            workshops.c.places_prises,
            (workshops.c.places_totales - workshops.c.places_prises).label("places_disponibles"),
            workshops.c.is_active,
            workshops.c.date_annulation,
            workshops.c.raison_annulation,
        ).order_by(workshops.c.id),
    ),
    "workshop-participants": Export(
        "inscriptions aux ateliers (places et liste d'attente) avec participant et statut",
        sa.select(
            workshop_registrations.c.id,
            workshops.c.id.label("atelier_id"),
            workshops.c.nom.label("atelier"),
            workshops.c.date.label("date_atelier"),
            users.c.username.label("utilisateur"),
            users.c.email,
            workshop_registrations.c.statut,
            workshop_registrations.c.date_inscription,
        )
        .join(workshops, workshops.c.id == workshop_registrations.c.atelier_id)
        .join(users, users.c.id == workshop_registrations.c.utilisateur_id)
        .order_by(workshops.c.id, workshop_registrations.c.id),
    ),
    "quotes": Export(
        "devis avec client, service, statut, budget et prix proposé (FCFA)",
        sa.select(
            quotes.c.id,
            quotes.c.date_creation,
            users.c.username.label("client"),
            users.c.email,
            services.c.nom.label("service"),
            quotes.c.statut,
            quotes.c.prix_demande,
            quotes.c.prix_propose,
            quotes.c.date_soumission,
            quotes.c.date_expiration,
            quotes.c.commande_id,
            quotes.c.date_mise_a_jour,
        )
        .join(users, users.c.id == quotes.c.client_id)
        .join(services, services.c.id == quotes.c.service_id)
        .order_by(quotes.c.id),
    ),
}
