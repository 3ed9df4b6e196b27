"""Integration fixtures: SQLite always, MariaDB when reachable (required in CI)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pymysql
import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from chezflora.adapters.argon2_hasher import Argon2PasswordHasher
from chezflora.adapters.email.dispatch import InlineEmailDispatcher
from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.adapters.email.senders import FileEmailSender
from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.migrate import upgrade
from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.adapters.sqlalchemy.tables import metadata
from chezflora.bootstrap import Container, build_container
from chezflora.config import Settings
from tests.fakes import FakeClock

IN_CI = os.environ.get("CI") == "true"
MARIADB_SERVER = os.environ.get("CHEZFLORA_TEST_MARIADB", "mysql+pymysql://root@127.0.0.1:3306")
REDIS_URL = os.environ.get("CHEZFLORA_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
# Real argon2id, with the cheapest parameters: the tests check behaviour, not hashing cost.
FAST_ARGON2 = Argon2PasswordHasher(PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
# One database per test session, so concurrent runs on one server never share tables.
TEST_DATABASE = os.environ.get("CHEZFLORA_TEST_DB_NAME", f"chezflora_test_{os.getpid()}")


def mariadb_reachable() -> bool:
    url = sa.make_url(MARIADB_SERVER)
    try:
        pymysql.connect(
            host=url.host,
            port=url.port or 3306,
            user=url.username,
            password=url.password or "",
            connect_timeout=2,
        ).close()
    except pymysql.MySQLError:
        return False
    return True


def redis_reachable() -> bool:
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except RedisError:
        return False


def _backends() -> list[str]:
    if IN_CI or mariadb_reachable():
        return ["sqlite", "mariadb"]
    return ["sqlite"]


@pytest.fixture(scope="session", params=_backends())
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
        upgrade(url)
        yield url
        return
    if not mariadb_reachable():
        pytest.fail("MariaDB is required under CI=true but is not reachable on 127.0.0.1:3306")
    server = sa.make_url(MARIADB_SERVER)
    connection = pymysql.connect(
        host=server.host,
        port=server.port or 3306,
        user=server.username,
        password=server.password or "",
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {TEST_DATABASE}")
        cursor.execute(f"CREATE DATABASE {TEST_DATABASE} CHARACTER SET utf8mb4")
    connection.close()
    url = f"{MARIADB_SERVER}/{TEST_DATABASE}"
    upgrade(url)
    yield url
    _drop_test_databases()


def _drop_test_databases() -> None:
    server = sa.make_url(MARIADB_SERVER)
    connection = pymysql.connect(
        host=server.host,
        port=server.port or 3306,
        user=server.username,
        password=server.password or "",
    )
    with connection.cursor() as cursor:
        cursor.execute("SHOW DATABASES LIKE %s", (TEST_DATABASE.replace("_", "\\_") + "%",))
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP DATABASE IF EXISTS `{name}`")
    connection.close()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url, pool_size=30)
    yield engine
    engine.dispose()


@pytest.fixture
def clean_engine(engine: Engine) -> Engine:
    """Every test starts from empty tables (cheaper than migrating again)."""
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            if table.name != "alembic_version":
                conn.execute(table.delete())
    return engine


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    return Settings(
        data_dir=tmp_path / "var",
        database_url=database_url,
        jwt_secret="test-secret-that-is-long-enough-for-hs256",
        public_base_url="http://testserver.local",
    )


@pytest.fixture
def container(settings: Settings, clean_engine: Engine, clock: FakeClock) -> Iterator[Container]:
    sender = FileEmailSender(settings.outbox_dir, EmailRenderer(settings.mail_from))
    dispatcher = InlineEmailDispatcher(OutboxStore(clean_engine), sender, clock)
    built = build_container(
        settings,
        engine=clean_engine,
        clock=clock,
        email_sender=sender,
        dispatcher=dispatcher,
        hasher=FAST_ARGON2,
    )
    yield built
    if built.redis is not None:
        built.redis.close()


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:  # type: ignore[type-arg]
    from chezflora.entrypoints.http.app import create_app

    with TestClient(app=create_app(container), base_url="http://testserver.local") as test_client:
        yield test_client
