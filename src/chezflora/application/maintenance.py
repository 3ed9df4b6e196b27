"""The maintenance port: schema migrations, backups and restores (CLI commands and jobs).

The adapter (adapters/maintenance.py) knows the database URL and the folders; callers give
only what varies: the time of a backup, the file to restore.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Protocol


class BackupFailed(RuntimeError):
    """A backup or a restore could not be made (missing client tool, unreadable file...)."""


class Maintenance(Protocol):
    def migrate(self) -> None:
        """Bring the database schema up to the newest migration."""
        ...

    def backup_database(self, now: datetime) -> Path:
        """A dated copy of the database in the backup folder, older ones rotated out."""
        ...

    def archive_media(self, now: datetime) -> Path:
        """A dated archive of the uploaded media, older ones rotated out."""
        ...

    def restore_database(self, source: Path) -> None:
        """Replace the whole database by a backup."""
        ...
