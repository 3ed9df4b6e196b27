"""Photos of catalogue entities, batch-loaded, with the one URL rule: the storage's `url`.

Catalogue pages, carts, wishlists and subscription baskets all load product photos here, so a
photo has the same absolute URL wherever a client meets it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.catalogue import photos
from chezflora.application.catalogue.views import PhotoView

UrlFor = Callable[[str], str]
PRODUCT = "produit"


_PHOTO_COLUMNS = sa.select(
    photos.c.id, photos.c.image, photos.c.uploaded_at, photos.c.entity_id
).order_by(photos.c.id)
_OF_ENTITIES = _PHOTO_COLUMNS.where(
    photos.c.entity_type == sa.bindparam("entity_type"),
    photos.c.entity_id.in_(sa.bindparam("entity_ids", expanding=True)),
)
_OF_ONE = Prepared(
    _PHOTO_COLUMNS.where(
        photos.c.entity_type == sa.bindparam("entity_type"),
        photos.c.entity_id == sa.bindparam("entity_id"),
    )
)


def photos_of(
    conn: Connection, entity_type: str, entity_ids: list[int], url_for: UrlFor
) -> dict[int, tuple[PhotoView, ...]]:
    found: dict[int, list[PhotoView]] = defaultdict(list)
    if entity_ids:
        rows: Iterable[Any]
        if len(entity_ids) == 1:
            rows = _OF_ONE.all(conn, {"entity_type": entity_type, "entity_id": entity_ids[0]})
        else:
            rows = conn.execute(
                _OF_ENTITIES, {"entity_type": entity_type, "entity_ids": entity_ids}
            )
        for row in rows:
            found[row.entity_id].append(photo_view(row, url_for, entity_type))
    return {i: tuple(found[i]) for i in entity_ids}


def photo_view(row: Any, url_for: UrlFor, entity_type: str | None = None) -> PhotoView:
    return PhotoView(
        id=row.id,
        image=url_for(row.image),
        uploaded_at=row.uploaded_at,
        entity_type=row.entity_type if entity_type is None else entity_type,
        entity_id=row.entity_id,
    )
