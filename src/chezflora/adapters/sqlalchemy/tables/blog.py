"""Blog articles, their threaded comments, and the log of review digests sent to admins."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime
from chezflora.adapters.sqlalchemy.tables.keys import fk_column, id_column
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

articles = sa.Table(
    "articles",
    metadata,
    id_column(),
    sa.Column("titre", sa.String(200), nullable=False),
    sa.Column("contenu", sa.Text, nullable=False),
    sa.Column("cover", sa.String(255), nullable=True),
    fk_column("auteur_id", "users.id", nullable=False, index=True),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("date_publication", UTCDateTime, nullable=False, index=True),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

comments = sa.Table(
    "comments",
    metadata,
    id_column(),
    fk_column("article_id", "articles.id", ondelete="CASCADE", nullable=False, index=True),
    fk_column("client_id", "users.id", ondelete="CASCADE", nullable=False, index=True),
    fk_column("parent_id", "comments.id", ondelete="CASCADE", nullable=True, index=True),
    sa.Column("texte", sa.Text, nullable=False),
    sa.Column("statut", sa.String(20), nullable=False, index=True),
    sa.Column("ban_reason", sa.String(255), nullable=True),
    sa.Column("date", UTCDateTime, nullable=False, index=True),
    sa.Column("review_notified", sa.Boolean, nullable=False),
    **TABLE_ARGS,
)

comment_review_digests = sa.Table(
    "comment_review_digests",
    metadata,
    id_column(),
    sa.Column("sent_at", UTCDateTime, nullable=False, index=True),
    sa.Column("last_comment_id", sa.BigInteger, nullable=False),
    sa.Column("comment_count", sa.Integer, nullable=False),
    **TABLE_ARGS,
)
