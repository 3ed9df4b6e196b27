"""Subscriptions (recurring deliveries) and their products."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime, money_column
from chezflora.adapters.sqlalchemy.tables.keys import fk_column, id_column
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    id_column(),
    fk_column("client_id", "users.id", nullable=False, index=True),
    sa.Column("type", sa.String(20), nullable=False, index=True),
    sa.Column("date_debut", sa.Date, nullable=False),
    sa.Column("date_fin", sa.Date, nullable=True),
    money_column("prix", nullable=False),
    sa.Column("paiement_statut", sa.String(20), nullable=False),
    sa.Column("is_active", sa.Boolean, nullable=False, index=True),
    sa.Column("prochaine_livraison", UTCDateTime, nullable=True, index=True),
    sa.Column("prochaine_facturation", UTCDateTime, nullable=True, index=True),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    **TABLE_ARGS,
)

subscription_products = sa.Table(
    "subscription_products",
    metadata,
    fk_column("abonnement_id", "subscriptions.id", ondelete="CASCADE", primary_key=True),
    fk_column("produit_id", "products.id", primary_key=True, index=True),
    sa.Column("quantite", sa.Integer, nullable=False),
    sa.CheckConstraint("quantite >= 1", name="quantite_positive"),
    **TABLE_ARGS,
)
