"""A tar.gz of the uploaded media folder."""

from __future__ import annotations

import tarfile
from datetime import datetime
from pathlib import Path

from chezflora.adapters.backup.files import atomic_target, rotate, stamped


def archive_media(media_dir: Path, backup_dir: Path, now: datetime, keep: int) -> Path:
    target = stamped(backup_dir, "media", now, ".tar.gz")
    with atomic_target(target) as temporary, tarfile.open(temporary, "w:gz") as archive:
        if media_dir.exists():
            archive.add(media_dir, arcname="media")
    rotate(backup_dir, "media", keep)
    return target
