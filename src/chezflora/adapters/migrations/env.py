"""Alembic environment: batch mode on SQLite, the application's MetaData as the target."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.tables import metadata

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url") or "", pool_size=1)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
        user_module_prefix="columns.",
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
