"""The `Storage` port on a local folder (settings.media_dir), served under /media/."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath


class LocalFolderStorage:
    """Random names in dated sub-folders; names never come from the client."""

    def __init__(self, root: Path, public_url: str) -> None:
        self._root, self._public_url = root, public_url.rstrip("/")

    def save(self, data: bytes, folder: str, extension: str) -> str:
        day = datetime.now(UTC).strftime("%Y/%m/%d")
        name = f"{folder}/{day}/{secrets.token_hex(16)}.{extension}"
        path = self._path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".part")
        temporary.write_bytes(data)
        temporary.replace(path)
        return name

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)

    def url(self, name: str) -> str:
        return f"{self._public_url}/{name}"

    def _path(self, name: str) -> Path:
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts:
            raise ValueError(f"not a storage name: {name!r}")
        return self._root.joinpath(*relative.parts)
