"""Helpers for catalogue HTTP tests: images, categories and products made through the API."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from tests.integration.helpers import bearer


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (40, 30), mode: str = "RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, color=1 if mode == "P" else (200, 30, 90)).save(out, format=fmt)
    return out.getvalue()


def make_category(client: Any, admin: str, nom: str = "Roses", **extra: Any) -> int:
    response = client.post("/api/categories/", json={"nom": nom, **extra}, headers=bearer(admin))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def make_product(
    client: Any, admin: str, category_id: int, nom: str = "Rose rouge", **extra: Any
) -> int:
    body = {"nom": nom, "description": "Belle", "prix": "1500", "stock": 10}
    body |= {"categorie_id": category_id, **extra}
    response = client.post("/api/produits/", json=body, headers=bearer(admin))
    assert response.status_code == 201, response.text
    return int(response.json()["id"])


def upload(client: Any, token: str, data: bytes, entity_id: Any, name: str = "x.png") -> Any:
    return client.post(
        "/api/photos/",
        files={"image": (name, data, "image/png")},
        data={"entity_type": "produit", "entity_id": str(entity_id)},
        headers=bearer(token),
    )
