"""Services, réalisations (portfolio) and quotes (devis)."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime, money_column
from chezflora.adapters.sqlalchemy.tables.keys import fk_column, id_column
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

services = sa.Table(
    "services",
    metadata,
    id_column(),
    sa.Column("nom", sa.String(100), nullable=False, unique=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

realisations = sa.Table(
    "realisations",
    metadata,
    id_column(),
    # No cascade: a service with réalisations is not deleted (409), see application/services.
    fk_column("service_id", "services.id", nullable=False, index=True),
    sa.Column("titre", sa.String(100), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("date", UTCDateTime, nullable=False, index=True),
    fk_column("admin_id", "users.id", ondelete="SET NULL", nullable=True, index=True),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

quotes = sa.Table(
    "quotes",
    metadata,
    id_column(),
    fk_column("client_id", "users.id", nullable=False, index=True),
    fk_column("service_id", "services.id", nullable=False, index=True),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("statut", sa.String(20), nullable=False, index=True),
    money_column("prix_demande", nullable=True),
    money_column("prix_propose", nullable=True),
    sa.Column("commentaire_admin", sa.Text, nullable=True),
    sa.Column("date_creation", UTCDateTime, nullable=False, index=True),
    sa.Column("date_soumission", UTCDateTime, nullable=True),
    sa.Column("date_expiration", UTCDateTime, nullable=True, index=True),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.Column("is_active", sa.Boolean, nullable=False),
    # The order an accepted quote became (kept when the order is deleted: SET NULL).
    fk_column("commande_id", "orders.id", ondelete="SET NULL", nullable=True, index=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.CheckConstraint("prix_demande >= 0", name="prix_demande_not_negative"),
    sa.CheckConstraint("prix_propose >= 0", name="prix_propose_not_negative"),
    **TABLE_ARGS,
)
