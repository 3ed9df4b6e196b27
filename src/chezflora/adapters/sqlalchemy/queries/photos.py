"""Photos of catalogue entities, batch-loaded, with the one URL rule: the storage's `url`.

Catalogue pages, carts, wishlists and subscription baskets all load product photos here, so a
photo has the same absolute URL wherever a client meets it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.tables.catalogue import photos
from chezflora.application.catalogue.views import PhotoView

UrlFor = Callable[[str], str]
PRODUCT = "produit"


def photos_of(
    conn: Connection, entity_type: str, entity_ids: list[int], url_for: UrlFor
) -> dict[int, tuple[PhotoView, ...]]:
    found: dict[int, list[PhotoView]] = defaultdict(list)
    if entity_ids:
        query = (
            sa.select(photos)
            .where(photos.c.entity_type == entity_type, photos.c.entity_id.in_(entity_ids))
            .order_by(photos.c.id)
        )
        for row in conn.execute(query):
            found[row.entity_id].append(photo_view(row, url_for))
    return {i: tuple(found[i]) for i in entity_ids}


def photo_view(row: Any, url_for: UrlFor) -> PhotoView:
    return PhotoView(
        id=row.id,
        image=url_for(row.image),
        uploaded_at=row.uploaded_at,
        entity_type=row.entity_type,
        entity_id=row.entity_id,
    )
