"""Photo and free-image uploads: decoded for real, re-encoded, served with nosniff, cleaned up."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from tests.integration.catalogue_helpers import image_bytes, make_category, make_product, upload
from tests.integration.helpers import bearer, make_admin, make_client


@pytest.fixture
def admin(client, container) -> str:
    return make_admin(client, container)[1]


@pytest.fixture
def product(client, admin) -> int:
    return make_product(client, admin, make_category(client, admin))


def _served(client, url: str) -> Image.Image:
    response = client.get(url.removeprefix("http://testserver.local"))
    assert response.status_code == 200
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-type"].startswith("image/")
    return Image.open(io.BytesIO(response.content))


def test_png_upload_is_attached_served_and_deleted_with_its_product(
    client, container, admin, product
):
    created = upload(client, admin, image_bytes("PNG", (3000, 1500)), product)
    assert created.status_code == 201, created.text
    photo = created.json()
    assert photo["image"].startswith("http://testserver.local/media/photos/")
    assert photo["entity_type"] == "produit" and photo["entity_id"] == product
    assert _served(client, photo["image"]).size == (1600, 800)  # aspect ratio kept, capped
    listed = client.get(f"/api/produits/{product}/").json()["photos"]
    assert listed == [
        {k: photo[k] for k in ("id", "image", "uploaded_at", "entity_type", "entity_id")}
    ]
    assert client.get("/api/photos/").json() == [photo]
    stored = container.settings.media_dir / photo["image"].split("/media/")[1]
    assert stored.exists()
    assert client.delete(f"/api/produits/{product}/", headers=bearer(admin)).status_code == 204
    assert not stored.exists()
    assert client.get("/api/photos/").json() == []


@pytest.mark.parametrize(
    ("fmt", "mode"), [("JPEG", "RGB"), ("GIF", "P"), ("WEBP", "RGB"), ("PNG", "RGBA")]
)
def test_every_accepted_format_is_reencoded(client, admin, product, fmt, mode):
    created = upload(client, admin, image_bytes(fmt, mode=mode), product, name=f"x.{fmt.lower()}")
    assert created.status_code == 201, created.text
    assert _served(client, created.json()["image"]).format in {"JPEG", "PNG"}


def test_photo_delete_removes_row_and_file(client, container, admin, product):
    photo = upload(client, admin, image_bytes("JPEG"), product).json()
    stored = container.settings.media_dir / photo["image"].split("/media/")[1]
    assert client.delete(f"/api/photos/{photo['id']}/", headers=bearer(admin)).status_code == 204
    assert not stored.exists()
    assert client.get(f"/api/produits/{product}/").json()["photos"] == []
    assert client.get(f"/api/photos/{photo['id']}/").status_code == 404


def test_refusals(client, container, admin, product):
    html = b"<html><script>alert(1)</script></html>"
    refused = upload(client, admin, html, product, name="evil.png")
    assert refused.status_code == 415 and refused.json()["error"]
    big = os.urandom(6 * 1024 * 1024)
    assert upload(client, admin, big, product).status_code == 413
    over = image_bytes("PNG") + b"\0" * (5 * 1024 * 1024)
    assert upload(client, admin, over, product).status_code == 413
    missing = upload(client, admin, image_bytes(), 999999)
    assert missing.status_code == 400 and "entity_id" in missing.json()["fields"]
    junk_id = upload(client, admin, image_bytes(), "abc")
    assert junk_id.status_code == 400
    article = client.post(
        "/api/photos/",
        files={"image": ("x.png", image_bytes(), "image/png")},
        data={"entity_type": "article", "entity_id": "1"},
        headers=bearer(admin),
    )
    assert (
        article.status_code == 400 and article.json()["error"] == "Type d'entité non pris en charge"
    )
    no_service = client.post(
        "/api/photos/",
        files={"image": ("x.png", image_bytes(), "image/png")},
        data={"entity_type": "service", "entity_id": "999999"},
        headers=bearer(admin),
    )
    assert no_service.status_code == 400 and no_service.json()["error"] == "Service non trouvé"
    form = {"entity_type": "produit", "entity_id": str(product)}
    not_multipart = client.post("/api/photos/", data=form, headers=bearer(admin))
    assert not_multipart.status_code == 400
    no_file = client.post(
        "/api/photos/",
        data=form,
        files={"note": ("n.txt", b"x", "text/plain")},
        headers=bearer(admin),
    )
    assert no_file.status_code == 400 and no_file.json()["error"] == "Aucune image fournie"
    assert client.get("/api/photos/").json() == []
    media = container.settings.media_dir
    assert not any(p.is_file() for p in media.rglob("*"))


def test_upload_image_and_authorization(client, container, admin, product):
    _, token = make_client(client, container, "awa")
    files = {"image": ("x.png", image_bytes(), "image/png")}
    assert client.post("/api/upload-image/", files=files).status_code == 401
    assert client.post("/api/upload-image/", files=files, headers=bearer(token)).status_code == 403
    assert upload(client, token, image_bytes(), product).status_code == 403
    assert upload(client, "", image_bytes(), product).status_code == 401
    uploaded = client.post("/api/upload-image/", files=files, headers=bearer(admin))
    assert uploaded.status_code == 201
    assert _served(client, uploaded.json()["url"]).format == "JPEG"
    html = {"image": ("x.html", b"<html></html>", "text/html")}
    assert client.post("/api/upload-image/", files=html, headers=bearer(admin)).status_code == 415
    photo = upload(client, admin, image_bytes(), product).json()
    assert client.delete(f"/api/photos/{photo['id']}/").status_code == 401
    assert client.delete(f"/api/photos/{photo['id']}/", headers=bearer(token)).status_code == 403
    for headers in ({}, bearer(token)):
        assert client.get(f"/api/photos/{photo['id']}/", headers=headers).status_code == 200
