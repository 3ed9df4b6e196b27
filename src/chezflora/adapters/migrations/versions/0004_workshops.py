"""workshops: ateliers, their registrations and waiting list; payments name their registration

Revision ID: 0004_workshops
Revises: 0003_services_quotes
Create Date: 2026-12-02 02:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

from chezflora.adapters.sqlalchemy import columns

revision = "0004_workshops"
down_revision = "0003_services_quotes"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", ID, nullable=False),
        sa.Column("nom", sa.String(length=255), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("date", columns.UTCDateTime(), nullable=False),
        sa.Column("duree", sa.Integer(), nullable=False),
        sa.Column("prix", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("places_totales", sa.Integer(), nullable=False),
        sa.Column("places_prises", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_annulation", columns.UTCDateTime(), nullable=True),
        sa.Column("raison_annulation", sa.Text(), nullable=True),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "places_prises >= 0", name=op.f("ck_workshops_places_prises_not_negative")
        ),
        sa.CheckConstraint(
            "places_prises <= places_totales",
            name=op.f("ck_workshops_places_prises_within_total"),
        ),
        sa.CheckConstraint("prix >= 0", name=op.f("ck_workshops_prix_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshops")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("workshops", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workshops_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_workshops_is_active"), ["is_active"], unique=False)

    op.create_table(
        "workshop_registrations",
        sa.Column("id", ID, nullable=False),
        sa.Column("atelier_id", sa.BigInteger(), nullable=False),
        sa.Column("utilisateur_id", sa.BigInteger(), nullable=False),
        sa.Column("statut", sa.String(length=20), nullable=False),
        sa.Column("date_inscription", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.Column("rappel_envoye", columns.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["atelier_id"],
            ["workshops.id"],
            name=op.f("fk_workshop_registrations_atelier_id_workshops"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["utilisateur_id"],
            ["users.id"],
            name=op.f("fk_workshop_registrations_utilisateur_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workshop_registrations")),
        sa.UniqueConstraint("atelier_id", "utilisateur_id", name="uq_workshop_registrations_user"),
        sqlite_autoincrement=True,
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("workshop_registrations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_workshop_registrations_date_inscription"),
            ["date_inscription"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_workshop_registrations_statut"), ["statut"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_workshop_registrations_utilisateur_id"),
            ["utilisateur_id"],
            unique=False,
        )

    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("inscription_id", sa.BigInteger(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_payments_inscription_id"), ["inscription_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_payments_inscription_id"))
        batch_op.drop_column("inscription_id")
    op.drop_table("workshop_registrations")
    op.drop_table("workshops")
