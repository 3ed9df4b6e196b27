"""The `Maintenance` port on Alembic, the backup tools and the local folders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from chezflora.adapters.backup.database import backup_database, restore_database
from chezflora.adapters.backup.media import archive_media
from chezflora.adapters.sqlalchemy.migrate import upgrade


@dataclass(frozen=True)
class LocalMaintenance:
    database_url: str
    media_dir: Path
    backup_dir: Path
    keep: int

    def migrate(self) -> None:
        upgrade(self.database_url)

    def backup_database(self, now: datetime) -> Path:
        return backup_database(self.database_url, self.backup_dir, now, self.keep)

    def archive_media(self, now: datetime) -> Path:
        return archive_media(self.media_dir, self.backup_dir, now, self.keep)

    def restore_database(self, source: Path) -> None:
        restore_database(self.database_url, source)
