"""commerce: catalogue, shopping, subscriptions

Revision ID: 0002_commerce
Revises: 0001_identity
Create Date: 2026-11-24 15:16:12.357601
"""

import sqlalchemy as sa
from alembic import op

from chezflora.adapters.sqlalchemy import columns

revision = "0002_commerce"
down_revision = "0001_identity"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "categories",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("nom", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_categories")),
        sa.UniqueConstraint("nom", name=op.f("uq_categories_nom")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    op.create_table(
        "photos",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("image", sa.String(length=255), nullable=False),
        sa.Column("uploaded_at", columns.UTCDateTime(), nullable=False),
        sa.Column("entity_type", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_photos")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("photos", schema=None) as batch_op:
        batch_op.create_index("ix_photos_entity", ["entity_type", "entity_id"], unique=False)

    op.create_table(
        "uploaded_images",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("image", sa.String(length=255), nullable=False),
        sa.Column("uploaded_at", columns.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_uploaded_images")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    op.create_table(
        "addresses",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("nom", sa.String(length=100), nullable=False),
        sa.Column("rue", sa.String(length=200), nullable=False),
        sa.Column("ville", sa.String(length=100), nullable=False),
        sa.Column("code_postal", sa.String(length=20), nullable=False),
        sa.Column("pays", sa.String(length=100), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["users.id"],
            name=op.f("fk_addresses_client_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_addresses")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("addresses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_addresses_client_id"), ["client_id"], unique=False)

    op.create_table(
        "carts",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["users.id"], name=op.f("fk_carts_client_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carts")),
        sa.UniqueConstraint("client_id", name=op.f("uq_carts_client_id")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    op.create_table(
        "idempotency_keys",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("utilisateur_id", sa.BigInteger(), nullable=False),
        sa.Column("cle", sa.String(length=255), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["utilisateur_id"],
            ["users.id"],
            name=op.f("fk_idempotency_keys_utilisateur_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("utilisateur_id", "cle", name="uq_idempotency_keys_user_key"),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("idempotency_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_idempotency_keys_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "products",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("nom", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("prix", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("categorie_id", sa.BigInteger(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.CheckConstraint("prix >= 0", name=op.f("ck_products_prix_not_negative")),
        sa.CheckConstraint("stock >= 0", name=op.f("ck_products_stock_not_negative")),
        sa.ForeignKeyConstraint(
            ["categorie_id"], ["categories.id"], name=op.f("fk_products_categorie_id_categories")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index("ix_products_active_id", ["is_active", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_products_categorie_id"), ["categorie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_products_nom"), ["nom"], unique=False)
        batch_op.create_index(batch_op.f("ix_products_prix"), ["prix"], unique=False)

    op.create_table(
        "promotions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("nom", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("reduction", sa.Numeric(precision=5, scale=4), nullable=False),
        sa.Column("date_debut", columns.UTCDateTime(), nullable=False),
        sa.Column("date_fin", columns.UTCDateTime(), nullable=False),
        sa.Column("categorie_id", sa.BigInteger(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["categorie_id"],
            ["categories.id"],
            name=op.f("fk_promotions_categorie_id_categories"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_promotions")),
        sa.UniqueConstraint("nom", name=op.f("uq_promotions_nom")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("promotions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_promotions_categorie_id"), ["categorie_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_promotions_date_fin"), ["date_fin"], unique=False)

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("date_debut", sa.Date(), nullable=False),
        sa.Column("date_fin", sa.Date(), nullable=True),
        sa.Column("prix", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("paiement_statut", sa.String(length=20), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("prochaine_livraison", columns.UTCDateTime(), nullable=True),
        sa.Column("prochaine_facturation", columns.UTCDateTime(), nullable=True),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["users.id"], name=op.f("fk_subscriptions_client_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subscriptions_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_subscriptions_is_active"), ["is_active"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_subscriptions_prochaine_facturation"),
            ["prochaine_facturation"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_subscriptions_prochaine_livraison"),
            ["prochaine_livraison"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_subscriptions_type"), ["type"], unique=False)

    op.create_table(
        "wishlists",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["users.id"],
            name=op.f("fk_wishlists_client_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wishlists")),
        sa.UniqueConstraint("client_id", name=op.f("uq_wishlists_client_id")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    op.create_table(
        "cart_items",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("panier_id", sa.BigInteger(), nullable=False),
        sa.Column("produit_id", sa.BigInteger(), nullable=False),
        sa.Column("quantite", sa.Integer(), nullable=False),
        sa.Column("date_ajout", columns.UTCDateTime(), nullable=False),
        sa.CheckConstraint("quantite >= 1", name=op.f("ck_cart_items_quantite_positive")),
        sa.ForeignKeyConstraint(
            ["panier_id"],
            ["carts.id"],
            name=op.f("fk_cart_items_panier_id_carts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["produit_id"],
            ["products.id"],
            name=op.f("fk_cart_items_produit_id_products"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cart_items")),
        sa.UniqueConstraint("panier_id", "produit_id", name="uq_cart_items_panier_produit"),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("cart_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cart_items_produit_id"), ["produit_id"], unique=False)

    op.create_table(
        "orders",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("date", columns.UTCDateTime(), nullable=False),
        sa.Column("statut", sa.String(length=20), nullable=False),
        sa.Column("total", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("adresse_id", sa.BigInteger(), nullable=True),
        sa.Column("abonnement_id", sa.BigInteger(), nullable=True),
        sa.Column("date_livraison", sa.Date(), nullable=True),
        sa.Column("stock_restored", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("total >= 0", name=op.f("ck_orders_total_not_negative")),
        sa.ForeignKeyConstraint(
            ["abonnement_id"],
            ["subscriptions.id"],
            name=op.f("fk_orders_abonnement_id_subscriptions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["adresse_id"],
            ["addresses.id"],
            name=op.f("fk_orders_adresse_id_addresses"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"], ["users.id"], name=op.f("fk_orders_client_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.UniqueConstraint(
            "abonnement_id", "date_livraison", name="uq_orders_subscription_delivery"
        ),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_orders_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_orders_statut"), ["statut"], unique=False)

    op.create_table(
        "promotion_products",
        sa.Column("promotion_id", sa.BigInteger(), nullable=False),
        sa.Column("produit_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["produit_id"],
            ["products.id"],
            name=op.f("fk_promotion_products_produit_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["promotion_id"],
            ["promotions.id"],
            name=op.f("fk_promotion_products_promotion_id_promotions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("promotion_id", "produit_id", name=op.f("pk_promotion_products")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("promotion_products", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_promotion_products_produit_id"), ["produit_id"], unique=False
        )

    op.create_table(
        "subscription_products",
        sa.Column("abonnement_id", sa.BigInteger(), nullable=False),
        sa.Column("produit_id", sa.BigInteger(), nullable=False),
        sa.Column("quantite", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "quantite >= 1", name=op.f("ck_subscription_products_quantite_positive")
        ),
        sa.ForeignKeyConstraint(
            ["abonnement_id"],
            ["subscriptions.id"],
            name=op.f("fk_subscription_products_abonnement_id_subscriptions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["produit_id"],
            ["products.id"],
            name=op.f("fk_subscription_products_produit_id_products"),
        ),
        sa.PrimaryKeyConstraint(
            "abonnement_id", "produit_id", name=op.f("pk_subscription_products")
        ),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("subscription_products", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subscription_products_produit_id"), ["produit_id"], unique=False
        )

    op.create_table(
        "wishlist_products",
        sa.Column("wishlist_id", sa.BigInteger(), nullable=False),
        sa.Column("produit_id", sa.BigInteger(), nullable=False),
        sa.Column("date_ajout", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["produit_id"],
            ["products.id"],
            name=op.f("fk_wishlist_products_produit_id_products"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["wishlist_id"],
            ["wishlists.id"],
            name=op.f("fk_wishlist_products_wishlist_id_wishlists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("wishlist_id", "produit_id", name=op.f("pk_wishlist_products")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("wishlist_products", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_wishlist_products_produit_id"), ["produit_id"], unique=False
        )

    op.create_table(
        "order_lines",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("commande_id", sa.BigInteger(), nullable=False),
        sa.Column("produit_id", sa.BigInteger(), nullable=True),
        sa.Column("produit_nom", sa.String(length=100), nullable=False),
        sa.Column("quantite", sa.Integer(), nullable=False),
        sa.Column("prix_unitaire", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("date_creation", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["commande_id"],
            ["orders.id"],
            name=op.f("fk_order_lines_commande_id_orders"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["produit_id"],
            ["products.id"],
            name=op.f("fk_order_lines_produit_id_products"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_lines")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("order_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_order_lines_commande_id"), ["commande_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_order_lines_produit_id"), ["produit_id"], unique=False)

    op.create_table(
        "payments",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("commande_id", sa.BigInteger(), nullable=True),
        sa.Column("abonnement_id", sa.BigInteger(), nullable=True),
        sa.Column("atelier_id", sa.BigInteger(), nullable=True),
        sa.Column("utilisateur_id", sa.BigInteger(), nullable=False),
        sa.Column("type_transaction", sa.String(length=20), nullable=False),
        sa.Column("montant", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("date", columns.UTCDateTime(), nullable=False),
        sa.Column("statut", sa.String(length=20), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("methode_paiement", sa.String(length=50), nullable=True),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.CheckConstraint("montant >= 0", name=op.f("ck_payments_montant_not_negative")),
        sa.ForeignKeyConstraint(
            ["abonnement_id"],
            ["subscriptions.id"],
            name=op.f("fk_payments_abonnement_id_subscriptions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["commande_id"],
            ["orders.id"],
            name=op.f("fk_payments_commande_id_orders"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["utilisateur_id"], ["users.id"], name=op.f("fk_payments_utilisateur_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
        mysql_charset="utf8mb4",
        mysql_engine="InnoDB",
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_payments_abonnement_id"), ["abonnement_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_payments_atelier_id"), ["atelier_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_commande_id"), ["commande_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_date"), ["date"], unique=False)
        batch_op.create_index(batch_op.f("ix_payments_statut"), ["statut"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_payments_utilisateur_id"), ["utilisateur_id"], unique=False
        )


def downgrade() -> None:
    for table in (
        "payments",
        "order_lines",
        "wishlist_products",
        "subscription_products",
        "promotion_products",
        "orders",
        "cart_items",
        "wishlists",
        "subscriptions",
        "promotions",
        "products",
        "idempotency_keys",
        "carts",
        "addresses",
        "uploaded_images",
        "photos",
        "categories",
    ):
        op.drop_table(table)
