"""A backup restores into an empty database (SQLite and MariaDB); old backups rotate out."""

from __future__ import annotations

import os
import tarfile
from dataclasses import replace
from pathlib import Path

import pymysql
import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from chezflora.adapters.backup.database import _options_file, restore_database
from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.migrate import alembic_config
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.entrypoints.cli.seeding import ensure_admin
from chezflora.entrypoints.worker import jobs
from tests.integration.conftest import MARIADB_SERVER, TEST_DATABASE

RESTORE_DATABASE = f"{TEST_DATABASE}_restore"


def empty_target(database_url: str, tmp_path: Path) -> str:
    if database_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    server = sa.make_url(MARIADB_SERVER)
    connection = pymysql.connect(host=server.host, port=server.port or 3306, user=server.username)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {RESTORE_DATABASE}")
        cursor.execute(f"CREATE DATABASE {RESTORE_DATABASE} CHARACTER SET utf8mb4")
    connection.close()
    return f"{MARIADB_SERVER}/{RESTORE_DATABASE}"


def test_a_database_backup_restores_into_an_empty_database(container, database_url, tmp_path):
    ensure_admin(container, "patron", "patron@chezflora.cm", "motdepasse-1")

    backup = jobs.backup_db(container)
    target = empty_target(database_url, tmp_path)
    restore_database(target, backup)

    engine = make_engine(target)
    try:
        with engine.connect() as conn:
            names = list(conn.execute(sa.select(users.c.username)).scalars())
            version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    assert names == ["patron"]
    # The newest migration, whichever it is: the backup carries the whole schema.
    assert version == ScriptDirectory.from_config(alembic_config(target)).get_current_head()
    assert backup.stat().st_mode & 0o777 == 0o600


def test_only_the_newest_backups_are_kept(container, clock):
    container.settings = replace(container.settings, backup_keep=2)
    made = []
    for _ in range(3):
        made.append(jobs.backup_db(container))
        clock.advance(days=1)

    kept = sorted(container.settings.backup_dir.glob("chezflora-db-*"))
    assert kept == made[1:]


def test_media_archive_contains_the_uploaded_files(container):
    media = container.settings.media_dir / "produits"
    media.mkdir(parents=True)
    (media / "rose.jpg").write_bytes(b"\xff\xd8jpeg")

    archive = jobs.backup_media(container)

    with tarfile.open(archive) as tar:
        assert "media/produits/rose.jpg" in tar.getnames()


def test_a_restore_refuses_the_wrong_kind_of_file(tmp_path):
    from chezflora.adapters.backup.database import BackupError

    dump = tmp_path / "chezflora-db-x.sql.gz"
    dump.write_bytes(b"")
    with pytest.raises(BackupError, match="SQLite"):
        restore_database(f"sqlite:///{tmp_path / 'db.sqlite3'}", dump)


def test_the_mariadb_password_goes_to_a_private_option_file_not_argv():
    url = sa.make_url('mysql+pymysql://chef:s3c"r\\et@db.local:3307/chezflora')
    with _options_file(url) as path:
        mode = os.stat(path).st_mode & 0o777
        text = Path(path).read_text()
    assert mode == 0o600
    assert 'password="s3c\\"r\\\\et"' in text
    assert "port=3307" in text
    assert not Path(path).exists()
