"""Categories, products, promotions (with their product links), photos and free images."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime, money_column
from chezflora.adapters.sqlalchemy.tables.keys import fk_column, id_column
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

categories = sa.Table(
    "categories",
    metadata,
    id_column(),
    sa.Column("nom", sa.String(100), nullable=False, unique=True),
    sa.Column("description", sa.Text),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

products = sa.Table(
    "products",
    metadata,
    id_column(),
    sa.Column("nom", sa.String(100), nullable=False, index=True),
    sa.Column("description", sa.Text, nullable=False),
    money_column("prix", nullable=False, index=True),
    sa.Column("stock", sa.Integer, nullable=False),
    fk_column("categorie_id", "categories.id", nullable=False, index=True),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.CheckConstraint("stock >= 0", name="stock_not_negative"),
    sa.CheckConstraint("prix >= 0", name="prix_not_negative"),
    sa.Index("ix_products_active_id", "is_active", "id"),
    **TABLE_ARGS,
)

promotions = sa.Table(
    "promotions",
    metadata,
    id_column(),
    sa.Column("nom", sa.String(100), nullable=False, unique=True),
    sa.Column("description", sa.Text),
    sa.Column("reduction", sa.Numeric(5, 4, asdecimal=True), nullable=False),
    sa.Column("date_debut", UTCDateTime, nullable=False),
    sa.Column("date_fin", UTCDateTime, nullable=False, index=True),
    fk_column("categorie_id", "categories.id", ondelete="SET NULL", nullable=True, index=True),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

promotion_products = sa.Table(
    "promotion_products",
    metadata,
    fk_column("promotion_id", "promotions.id", ondelete="CASCADE", primary_key=True),
    fk_column("produit_id", "products.id", ondelete="CASCADE", primary_key=True, index=True),
    **TABLE_ARGS,
)

photos = sa.Table(
    "photos",
    metadata,
    id_column(),
    sa.Column("image", sa.String(255), nullable=False),
    sa.Column("uploaded_at", UTCDateTime, nullable=False),
    sa.Column("entity_type", sa.String(20), nullable=False),
    sa.Column("entity_id", sa.BigInteger, nullable=False),
    sa.Index("ix_photos_entity", "entity_type", "entity_id"),
    **TABLE_ARGS,
)

uploaded_images = sa.Table(
    "uploaded_images",
    metadata,
    id_column(),
    sa.Column("image", sa.String(255), nullable=False),
    sa.Column("uploaded_at", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)
