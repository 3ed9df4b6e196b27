"""Photo rows (entity_type + entity_id, no foreign key) and free uploaded images."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.catalogue import photos, uploaded_images
from chezflora.domain.photo import Photo


def _photo(row: Any) -> Photo:
    return Photo(id=row.id, image=row.image, entity_type=row.entity_type, entity_id=row.entity_id)


class SqlPhotoRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, entity_type: str, entity_id: int, image: str, now: datetime) -> int:
        values = {
            "entity_type": entity_type,
            "entity_id": entity_id,
            "image": image,
            "uploaded_at": now,
        }
        return inserted_id(self._conn.execute(sa.insert(photos).values(**values)))

    def get(self, photo_id: int) -> Photo | None:
        row = self._conn.execute(sa.select(photos).where(photos.c.id == photo_id)).first()
        return None if row is None else _photo(row)

    def delete(self, photo_id: int) -> None:
        self._conn.execute(sa.delete(photos).where(photos.c.id == photo_id))

    def for_entity(self, entity_type: str, entity_id: int) -> list[Photo]:
        query = sa.select(photos).where(
            photos.c.entity_type == entity_type, photos.c.entity_id == entity_id
        )
        return [_photo(r) for r in self._conn.execute(query.order_by(photos.c.id))]

    def add_free_image(self, image: str, now: datetime) -> int:
        query = sa.insert(uploaded_images).values(image=image, uploaded_at=now)
        return inserted_id(self._conn.execute(query))
