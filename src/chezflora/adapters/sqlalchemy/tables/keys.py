"""Primary and foreign key columns: BIGINT on MariaDB, INTEGER (rowid) on SQLite."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

ID_TYPE = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def id_column() -> sa.Column[Any]:
    return sa.Column("id", ID_TYPE, primary_key=True)


def fk_column(
    name: str, target: str, *, ondelete: str | None = None, **kwargs: Any
) -> sa.Column[Any]:
    return sa.Column(name, sa.BigInteger, sa.ForeignKey(target, ondelete=ondelete), **kwargs)
