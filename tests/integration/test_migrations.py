"""Migrations: empty → head → base → head on each backend; no drift from the tables."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.migrate import downgrade, upgrade
from chezflora.adapters.sqlalchemy.tables import metadata


def test_the_migrated_schema_matches_the_table_definitions(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_migrations_go_down_to_empty_and_up_again(tmp_path: Path, database_url: str):
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'stairway.sqlite3'}"
    else:
        url = f"{database_url}_stairway"
        server = make_engine(database_url)
        name = sa.make_url(url).database
        with server.begin() as conn:
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
            conn.execute(sa.text(f"CREATE DATABASE {name} CHARACTER SET utf8mb4"))
        server.dispose()
    upgrade(url)
    downgrade(url, "base")
    engine = make_engine(url)
    assert sa.inspect(engine).get_table_names() == ["alembic_version"]
    upgrade(url)
    assert set(metadata.tables) <= set(sa.inspect(engine).get_table_names())
    engine.dispose()
