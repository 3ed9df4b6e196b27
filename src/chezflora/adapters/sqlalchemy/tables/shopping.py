"""Carts, addresses, orders and their lines, payments, wishlists and idempotency keys."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime, money_column
from chezflora.adapters.sqlalchemy.tables.keys import fk_column, id_column
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

carts = sa.Table(
    "carts",
    metadata,
    id_column(),
    fk_column("client_id", "users.id", ondelete="CASCADE", nullable=False, unique=True),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

cart_items = sa.Table(
    "cart_items",
    metadata,
    id_column(),
    fk_column("panier_id", "carts.id", ondelete="CASCADE", nullable=False),
    fk_column("produit_id", "products.id", ondelete="CASCADE", nullable=False, index=True),
    sa.Column("quantite", sa.Integer, nullable=False),
    sa.Column("date_ajout", UTCDateTime, nullable=False),
    sa.UniqueConstraint("panier_id", "produit_id", name="uq_cart_items_panier_produit"),
    sa.CheckConstraint("quantite >= 1", name="quantite_positive"),
    **TABLE_ARGS,
)

addresses = sa.Table(
    "addresses",
    metadata,
    id_column(),
    fk_column("client_id", "users.id", ondelete="CASCADE", nullable=False, index=True),
    sa.Column("nom", sa.String(100), nullable=False),
    sa.Column("rue", sa.String(200), nullable=False),
    sa.Column("ville", sa.String(100), nullable=False),
    sa.Column("code_postal", sa.String(20), nullable=False),
    sa.Column("pays", sa.String(100), nullable=False),
    sa.Column("is_default", sa.Boolean, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

orders = sa.Table(
    "orders",
    metadata,
    id_column(),
    fk_column("client_id", "users.id", nullable=False, index=True),
    sa.Column("date", UTCDateTime, nullable=False, index=True),
    sa.Column("statut", sa.String(20), nullable=False, index=True),
    money_column("total", nullable=False),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.Column("is_active", sa.Boolean, nullable=False),
    fk_column("adresse_id", "addresses.id", ondelete="SET NULL", nullable=True),
    fk_column("abonnement_id", "subscriptions.id", ondelete="SET NULL", nullable=True),
    sa.Column("date_livraison", sa.Date, nullable=True),
    sa.Column("stock_restored", sa.Boolean, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # One order per subscription delivery date, whatever the scheduler does twice.
    sa.UniqueConstraint("abonnement_id", "date_livraison", name="uq_orders_subscription_delivery"),
    sa.CheckConstraint("total >= 0", name="total_not_negative"),
    **TABLE_ARGS,
)

order_lines = sa.Table(
    "order_lines",
    metadata,
    id_column(),
    fk_column("commande_id", "orders.id", ondelete="CASCADE", nullable=False, index=True),
    fk_column("produit_id", "products.id", ondelete="SET NULL", nullable=True, index=True),
    sa.Column("produit_nom", sa.String(100), nullable=False),
    sa.Column("quantite", sa.Integer, nullable=False),
    money_column("prix_unitaire", nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

payments = sa.Table(
    "payments",
    metadata,
    id_column(),
    fk_column("commande_id", "orders.id", ondelete="SET NULL", nullable=True, index=True),
    fk_column("abonnement_id", "subscriptions.id", ondelete="SET NULL", nullable=True, index=True),
    sa.Column("atelier_id", sa.BigInteger, nullable=True, index=True),
    # The workshop registration a seat payment pays for (0004_workshops).
    sa.Column("inscription_id", sa.BigInteger, nullable=True, index=True),
    fk_column("utilisateur_id", "users.id", nullable=False, index=True),
    sa.Column("type_transaction", sa.String(20), nullable=False),
    money_column("montant", nullable=False),
    sa.Column("date", UTCDateTime, nullable=False, index=True),
    sa.Column("statut", sa.String(20), nullable=False, index=True),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("details", sa.Text),
    sa.Column("methode_paiement", sa.String(50)),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.CheckConstraint("montant >= 0", name="montant_not_negative"),
    **TABLE_ARGS,
)

wishlists = sa.Table(
    "wishlists",
    metadata,
    id_column(),
    fk_column("client_id", "users.id", ondelete="CASCADE", nullable=False, unique=True),
    sa.Column("date_creation", UTCDateTime, nullable=False),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

wishlist_products = sa.Table(
    "wishlist_products",
    metadata,
    fk_column("wishlist_id", "wishlists.id", ondelete="CASCADE", primary_key=True),
    fk_column("produit_id", "products.id", ondelete="CASCADE", primary_key=True, index=True),
    sa.Column("date_ajout", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    id_column(),
    fk_column("utilisateur_id", "users.id", ondelete="CASCADE", nullable=False),
    sa.Column("cle", sa.String(255), nullable=False),
    sa.Column("fingerprint", sa.String(64), nullable=False),
    sa.Column("status_code", sa.Integer, nullable=False),
    sa.Column("body", sa.LargeBinary, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False, index=True),
    sa.UniqueConstraint("utilisateur_id", "cle", name="uq_idempotency_keys_user_key"),
    **TABLE_ARGS,
)
