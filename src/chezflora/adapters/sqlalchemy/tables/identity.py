"""Accounts, one-time codes, site parameters and the e-mail outbox."""

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.columns import TABLE_ARGS, UTCDateTime
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("username", sa.String(150), nullable=False, unique=True),
    sa.Column("email", sa.String(254), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(10), nullable=False, index=True),
    sa.Column("is_active", sa.Boolean, nullable=False),
    sa.Column("is_banned", sa.Boolean, nullable=False),
    sa.Column("ban_reason", sa.String(500)),
    sa.Column("adresse", sa.String(500)),
    sa.Column("telephone", sa.String(20)),
    sa.Column("token_version", sa.Integer, nullable=False),
    sa.Column("date_creation", UTCDateTime, nullable=False, index=True),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    sa.Column("last_login", UTCDateTime),
    sa.Column("deleted_at", UTCDateTime),
    **TABLE_ARGS,
)

one_time_codes = sa.Table(
    "one_time_codes",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column(
        "user_id", sa.BigInteger, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("purpose", sa.String(20), nullable=False),
    sa.Column("code_hash", sa.String(64), nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("expires_at", UTCDateTime, nullable=False, index=True),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("used_at", UTCDateTime),
    sa.Index("ix_one_time_codes_user_purpose", "user_id", "purpose"),
    **TABLE_ARGS,
)

parameters = sa.Table(
    "parameters",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("cle", sa.String(50), nullable=False, unique=True),
    sa.Column("valeur", sa.String(255), nullable=False),
    sa.Column("description", sa.Text),
    sa.Column("date_mise_a_jour", UTCDateTime, nullable=False),
    **TABLE_ARGS,
)

outbox_emails = sa.Table(
    "outbox_emails",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("recipient", sa.String(254), nullable=False),
    sa.Column("template", sa.String(100), nullable=False),
    sa.Column("context", sa.JSON, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("last_error", sa.String(500)),
    sa.Column("sent_at", UTCDateTime, index=True),
    **TABLE_ARGS,
)
