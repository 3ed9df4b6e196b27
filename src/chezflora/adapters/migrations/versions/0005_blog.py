"""blog: articles, threaded comments, review digests

Revision ID: 0005_blog
Revises: 0004_workshops
Create Date: 2026-12-02 02:40:00.000000
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from chezflora.adapters.sqlalchemy import columns

revision = "0005_blog"
down_revision = "0004_workshops"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
TABLE_ARGS: dict[str, Any] = {"mysql_charset": "utf8mb4", "mysql_engine": "InnoDB"}


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", ID, nullable=False),
        sa.Column("titre", sa.String(length=200), nullable=False),
        sa.Column("contenu", sa.Text(), nullable=False),
        sa.Column("cover", sa.String(length=255), nullable=True),
        sa.Column("auteur_id", sa.BigInteger(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("date_publication", columns.UTCDateTime(), nullable=False),
        sa.Column("date_mise_a_jour", columns.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["auteur_id"], ["users.id"], name=op.f("fk_articles_auteur_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        **TABLE_ARGS,
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_articles_auteur_id"), ["auteur_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_date_publication"), ["date_publication"], unique=False
        )

    op.create_table(
        "comments",
        sa.Column("id", ID, nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("client_id", sa.BigInteger(), nullable=False),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("texte", sa.Text(), nullable=False),
        sa.Column("statut", sa.String(length=20), nullable=False),
        sa.Column("ban_reason", sa.String(length=255), nullable=True),
        sa.Column("date", columns.UTCDateTime(), nullable=False),
        sa.Column("review_notified", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_comments_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["users.id"],
            name=op.f("fk_comments_client_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["comments.id"],
            name=op.f("fk_comments_parent_id_comments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comments")),
        **TABLE_ARGS,
    )
    with op.batch_alter_table("comments", schema=None) as batch_op:
        for column in ("article_id", "client_id", "parent_id", "statut", "date"):
            batch_op.create_index(batch_op.f(f"ix_comments_{column}"), [column], unique=False)

    op.create_table(
        "comment_review_digests",
        sa.Column("id", ID, nullable=False),
        sa.Column("sent_at", columns.UTCDateTime(), nullable=False),
        sa.Column("last_comment_id", sa.BigInteger(), nullable=False),
        sa.Column("comment_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment_review_digests")),
        **TABLE_ARGS,
    )
    with op.batch_alter_table("comment_review_digests", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_comment_review_digests_sent_at"), ["sent_at"], unique=False
        )


def downgrade() -> None:
    for table in ("comment_review_digests", "comments", "articles"):
        op.drop_table(table)
