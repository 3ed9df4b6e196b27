"""services, réalisations (portfolio) and quotes (devis)

Revision ID: 0003_services_quotes
Revises: 0002_commerce
Create Date: 2026-12-02 02:23:47.825101
"""

import sqlalchemy as sa
from alembic import op

from chezflora.adapters.sqlalchemy import columns

revision = "0003_services_quotes"
down_revision = "0002_commerce"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "services",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("nom", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_services")),
        sa.UniqueConstraint("nom", name=op.f("uq_services_nom")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    op.create_table(
        "realisations",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("service_id", sa.BigInteger(), nullable=False),
        sa.Column("titre", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("date", columns.UTCDateTime(), nullable=False),
        sa.Column("admin_id", sa.BigInteger(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["admin_id"],
            ["users.id"],
            name=op.f("fk_realisations_admin_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_realisations_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_realisations")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("realisations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_realisations_admin_id"), ["admin_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_realisations_date"), ["date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_realisations_service_id"), ["service_id"], unique=False
        )

    op.create_table(
        "quotes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("service_id", sa.BigInteger(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("statut", sa.String(length=20), nullable=False),
        sa.Column("prix_demande", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("prix_propose", sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column("commentaire_admin", sa.Text(), nullable=True),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.Column("date_soumission", columns.UTCDateTime(), nullable=True),
        sa.Column("date_expiration", columns.UTCDateTime(), nullable=True),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("commande_id", sa.BigInteger(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("prix_demande >= 0", name=op.f("ck_quotes_prix_demande_not_negative")),
        sa.CheckConstraint("prix_propose >= 0", name=op.f("ck_quotes_prix_propose_not_negative")),
        sa.ForeignKeyConstraint(
            ["client_id"], ["users.id"], name=op.f("fk_quotes_client_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["commande_id"],
            ["orders.id"],
            name=op.f("fk_quotes_commande_id_orders"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["service_id"], ["services.id"], name=op.f("fk_quotes_service_id_services")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_commande_id"), ["commande_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_quotes_date_creation"), ["date_creation"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_quotes_date_expiration"), ["date_expiration"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_quotes_service_id"), ["service_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_quotes_statut"), ["statut"], unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes; MariaDB refuses to drop an FK's index on its own.
    for table in ("quotes", "realisations", "services"):
        op.drop_table(table)
