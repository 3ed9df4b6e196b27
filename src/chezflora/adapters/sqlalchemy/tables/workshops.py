"""Workshops (ateliers) and their registrations (seat holders and the waiting list)."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime, money_column
from chezflora.adapters.sqlalchemy.tables.keys import fk_column, id_column
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

workshops = sa.Table(
    "workshops",
    metadata,
    id_column(),
    sa.Column("nom", sa.String(255), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("date", UTCDateTime, nullable=False, index=True),
    sa.Column("duree", sa.Integer, nullable=False),
    money_column("prix", nullable=False),
    sa.Column("places_totales", sa.Integer, nullable=False),
    # Seats held by registrations; only ever moved by conditional updates (never overbooked).
    sa.Column("places_prises", sa.Integer, nullable=False),
    sa.Column("is_active", sa.Boolean, nullable=False, index=True),
    sa.Column("date_annulation", UTCDateTime, nullable=True),
    sa.Column("raison_annulation", sa.Text, nullable=True),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.CheckConstraint("places_prises >= 0", name="places_prises_not_negative"),
    sa.CheckConstraint("places_prises <= places_totales", name="places_prises_within_total"),
    sa.CheckConstraint("prix >= 0", name="prix_not_negative"),
    **TABLE_ARGS,
)

workshop_registrations = sa.Table(
    "workshop_registrations",
    metadata,
    id_column(),
    fk_column("atelier_id", "workshops.id", ondelete="CASCADE", nullable=False),
    fk_column("utilisateur_id", "users.id", ondelete="CASCADE", nullable=False, index=True),
    sa.Column("statut", sa.String(20), nullable=False, index=True),
    sa.Column("date_inscription", UTCDateTime, nullable=False, index=True),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.Column("rappel_envoye", UTCDateTime, nullable=True),
    # One registration per user and workshop, whatever races.
    sa.UniqueConstraint("atelier_id", "utilisateur_id", name="uq_workshop_registrations_user"),
    # Ids are never reused (SQLite would hand a deleted row's id out again): a payment's
    # `inscription_id` must name one registration forever.
    sqlite_autoincrement=True,
    **TABLE_ARGS,
)
