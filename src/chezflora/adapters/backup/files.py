"""Backup file names, atomic writes and rotation (keep the newest N of each kind)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path


def stamped(folder: Path, kind: str, now: datetime, suffix: str) -> Path:
    """`<folder>/chezflora-<kind>-YYYYmmddTHHMMSSZ<suffix>`: names sort by age."""
    return folder / f"chezflora-{kind}-{now.strftime('%Y%m%dT%H%M%SZ')}{suffix}"


@contextlib.contextmanager
def atomic_target(path: Path) -> Iterator[Path]:
    """Write to a hidden temporary file, renamed into place only when complete."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.partial")
    try:
        yield temporary
        os.chmod(temporary, 0o600)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


def rotate(folder: Path, kind: str, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups of that kind; returns the deleted files."""
    backups = sorted(folder.glob(f"chezflora-{kind}-*"), key=lambda p: p.name, reverse=True)
    doomed = backups[max(keep, 1) :]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
