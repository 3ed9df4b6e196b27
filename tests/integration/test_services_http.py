"""Services and réalisations over HTTP: shapes, visibility, admin writes, deletion rule, stats."""

from __future__ import annotations

import pytest

from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.services_helpers import (
    make_quote,
    make_realisation,
    make_service,
    upload_photo,
)


@pytest.fixture
def admin(client, container) -> str:
    return make_admin(client, container)[1]


def test_service_lifecycle_with_photo_and_visibility(client, container, admin):
    service_id = make_service(client, admin)
    photo = upload_photo(client, admin, "service", service_id)
    assert photo.status_code == 201, photo.text
    listed = client.get("/api/services/").json()
    assert listed["count"] == 1
    [item] = listed["results"]
    assert item["id"] == service_id and item["nom"] == "Mariage" and item["is_active"] is True
    assert item["photos"][0]["image"].startswith("http://testserver.local/media/")
    assert item["realisations"] == [] and item["date_creation"].endswith("Z")
    assert client.get(f"/api/services/{service_id}").json() == item

    hidden = client.put(
        f"/api/services/{service_id}/",
        json={"nom": "Mariage+", "description": "…", "is_active": "false"},
        headers=bearer(admin),
    )
    assert hidden.status_code == 200 and hidden.json()["is_active"] is False
    assert client.get("/api/services/").json()["count"] == 0
    assert client.get(f"/api/services/{service_id}/").status_code == 404
    seen = client.get("/api/services/?page=1&per_page=10&search=mariage", headers=bearer(admin))
    assert seen.json()["count"] == 1 and seen.json()["results"][0]["nom"] == "Mariage+"
    back = client.patch(
        f"/api/services/{service_id}/", json={"is_active": True}, headers=bearer(admin)
    )
    assert back.json()["is_active"] is True

    assert client.delete(f"/api/services/{service_id}/", headers=bearer(admin)).status_code == 204
    assert client.get(f"/api/services/{service_id}/", headers=bearer(admin)).status_code == 404
    assert client.get("/api/photos/").json() == []


def test_service_validation(client, container, admin):
    make_service(client, admin)
    taken = client.post(
        "/api/services/", json={"nom": "Mariage", "description": "x"}, headers=bearer(admin)
    )
    assert taken.status_code == 400 and "nom" in taken.json()["fields"]
    for body in ({"nom": ""}, {"nom": "x" * 101}, {"nom": "A", "is_active": "peut-être"}):
        answer = client.post("/api/services/", json=body, headers=bearer(admin))
        assert answer.status_code == 400, body
    unknown = client.post("/api/services/", json={"nom": "B", "prix": 10}, headers=bearer(admin))
    assert unknown.status_code == 400


def test_a_service_in_use_is_not_deleted(client, container, admin):
    _, alice = make_client(client, container, "alice")
    with_quote = make_service(client, admin, "Mariage")
    make_quote(client, alice, with_quote)
    with_work = make_service(client, admin, "Deuil")
    make_realisation(client, admin, with_work)
    for service_id in (with_quote, with_work):
        refused = client.delete(f"/api/services/{service_id}/", headers=bearer(admin))
        assert refused.status_code == 409 and "désactivez" in refused.json()["error"]
        assert client.get(f"/api/services/{service_id}/").status_code == 200


def test_realisation_lifecycle(client, container, admin):
    service_id = make_service(client, admin)
    realisation_id = make_realisation(client, admin, service_id)
    assert upload_photo(client, admin, "realisation", realisation_id).status_code == 201
    public = client.get("/api/realisations/").json()
    [item] = public["results"]
    assert item["service"]["id"] == service_id and item["service"]["nom"] == "Mariage"
    assert item["titre"] == "Mariage à Kribi" and item["date"] == "2025-03-01T00:00:00Z"
    assert item["photos"][0]["image"].startswith("http://testserver.local/media/")
    assert item["admin"]["username"] == "patron" and "password" not in str(item)
    assert client.get(f"/api/realisations/{realisation_id}").json() == item
    assert client.get(f"/api/services/{service_id}/").json()["realisations"] == [realisation_id]

    off = client.put(
        f"/api/realisations/{realisation_id}/",
        json={"titre": "Kribi", "is_active": "false"},
        headers=bearer(admin),
    )
    assert off.status_code == 200 and off.json()["is_active"] is False
    assert client.get("/api/realisations/").json()["count"] == 0
    assert client.get(f"/api/realisations/{realisation_id}/").status_code == 404
    admin_view = client.get("/api/realisations/?page=1&per_page=10", headers=bearer(admin))
    assert admin_view.json()["count"] == 1
    edited = client.patch(
        f"/api/realisations/{realisation_id}/", json={"is_active": True}, headers=bearer(admin)
    )
    assert edited.json()["is_active"] is True and edited.json()["titre"] == "Kribi"

    bad = client.post(
        "/api/realisations/",
        json={"service_id": "999999", "titre": "x", "date": "2025-03-01"},
        headers=bearer(admin),
    )
    assert bad.status_code == 400 and "service_id" in bad.json()["fields"]
    bad_date = client.post(
        "/api/realisations/",
        json={"service_id": service_id, "titre": "x", "date": "01/03/2025"},
        headers=bearer(admin),
    )
    assert bad_date.status_code == 400 and "date" in bad_date.json()["fields"]

    gone = client.delete(f"/api/realisations/{realisation_id}/", headers=bearer(admin))
    assert gone.status_code == 204
    assert client.get("/api/photos/").json() == []


def test_realisation_stats(client, container, admin):
    service_id = make_service(client, admin)
    make_realisation(client, admin, service_id, date="2026-11-20")
    make_realisation(client, admin, service_id, date="2025-01-01")
    make_realisation(client, admin, service_id, date="2026-11-01", is_active="false")
    stats = client.get("/api/realisations/stats/?days=30", headers=bearer(admin))
    assert stats.status_code == 200
    assert stats.json() == {
        "total_realisations": 3,
        "active_realisations": 2,
        "realisations_by_service": [{"service__nom": "Mariage", "total": 2}],
        "recent_realisations": 2,
    }
