"""Database backup and restore: SQLite's online backup API, or mysqldump / mysql for MariaDB.

The MariaDB password never appears in argv (visible to every local user through `ps`): the
clients read it from a temporary 0600 option file given as `--defaults-extra-file`.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from chezflora.adapters.backup.files import atomic_target, rotate, stamped
from chezflora.application.maintenance import BackupFailed

CHUNK = 1 << 20


class BackupError(BackupFailed):
    pass


def backup_database(url: str, backup_dir: Path, now: datetime, keep: int) -> Path:
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        target = stamped(backup_dir, "db", now, ".sqlite3")
        with atomic_target(target) as temporary:
            _sqlite_copy(Path(_sqlite_path(parsed)), temporary)
    else:
        target = stamped(backup_dir, "db", now, ".sql.gz")
        with atomic_target(target) as temporary:
            _mysql_dump(parsed, temporary)
    rotate(backup_dir, "db", keep)
    return target


def restore_database(url: str, source: Path) -> None:
    """Load a backup made by `backup_database` into the database at `url` (replacing tables)."""
    if not source.is_file():
        raise BackupError(f"fichier introuvable : {source}")
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if not source.name.endswith(".sqlite3"):
            raise BackupError("une base SQLite se restaure depuis une sauvegarde .sqlite3")
        _sqlite_copy(source, Path(_sqlite_path(parsed)))
    else:
        if not source.name.endswith((".sql.gz", ".sql")):
            raise BackupError("une base MariaDB se restaure depuis une sauvegarde .sql.gz")
        _mysql_load(parsed, source)


def _sqlite_path(url: sa.URL) -> str:
    if not url.database or url.database == ":memory:":
        raise BackupError("une base SQLite en mémoire ne se sauvegarde pas")
    return url.database


def _sqlite_copy(source: Path, target: Path) -> None:
    """Page-by-page copy that stays consistent while the API keeps writing (WAL)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(target)) as dst,
    ):
        src.backup(dst)


def _mysql_dump(url: sa.URL, target: Path) -> None:
    binary = _client("mariadb-dump", "mysqldump")
    with _options_file(url) as options, gzip.open(target, "wb") as out:
        command = [
            binary,
            f"--defaults-extra-file={options}",
            "--single-transaction",
            "--quick",
            "--routines",
            "--triggers",
            "--hex-blob",
            "--default-character-set=utf8mb4",
            _database(url),
        ]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            assert proc.stdout is not None and proc.stderr is not None
            while chunk := proc.stdout.read(CHUNK):
                out.write(chunk)
            errors = proc.stderr.read()
        if proc.returncode != 0:
            raise BackupError(f"{binary} a échoué : {errors.decode(errors='replace').strip()}")


def _mysql_load(url: sa.URL, source: Path) -> None:
    binary = _client("mariadb", "mysql")
    opener = gzip.open if source.name.endswith(".gz") else open
    with _options_file(url) as options, opener(source, "rb") as dump:
        command = [binary, f"--defaults-extra-file={options}", _database(url)]
        with tempfile.TemporaryFile() as errors:
            with subprocess.Popen(command, stdin=subprocess.PIPE, stderr=errors) as proc:
                assert proc.stdin is not None
                with contextlib.suppress(BrokenPipeError):
                    while chunk := dump.read(CHUNK):
                        proc.stdin.write(chunk)
                proc.stdin.close()
            errors.seek(0)
            message = errors.read().decode(errors="replace").strip()
        if proc.returncode != 0:
            raise BackupError(f"{binary} a échoué : {message}")


def _client(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise BackupError(f"client MariaDB introuvable ({' ou '.join(names)})")


def _database(url: sa.URL) -> str:
    if not url.database:
        raise BackupError("l'URL de la base ne nomme pas de base de données")
    return url.database


@contextlib.contextmanager
def _options_file(url: sa.URL) -> Iterator[str]:
    """A [client] option file readable by us only, deleted as soon as the client is done."""
    lines = ["[client]", "default-character-set=utf8mb4"]
    if url.username:
        lines.append(f"user={_quoted(url.username)}")
    if url.password:
        lines.append(f"password={_quoted(str(url.password))}")
    socket = url.query.get("unix_socket")
    if isinstance(socket, str):
        lines.append(f"socket={_quoted(socket)}")
    elif url.host:
        lines += [f"host={_quoted(url.host)}", f"port={url.port or 3306}", "protocol=TCP"]
    descriptor, path = tempfile.mkstemp(prefix="chezflora-", suffix=".cnf")  # created 0600
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        yield path
    finally:
        os.unlink(path)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
