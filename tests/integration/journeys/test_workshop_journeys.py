"""Journeys S1 (workshops part), S28 and S29 of frontend-contract §4, HTTP only.

Where the contract's journeys say "400" for a full workshop or a second registration,
decisions.md §5 rules 409 with `error` (it overrides the contract): the client only reads
`error`.
"""

from __future__ import annotations

from typing import Any

from tests.integration.journeys.support import Api

IKEBANA = {
    "nom": "Ikebana",
    "description": "Composition florale japonaise",
    "date": "2030-06-01T10:00",
    "duree": 2,
    "prix": "5000",
    "places_totales": 10,
    "is_active": True,
}
ATELIER_KEYS = {
    "id",
    "nom",
    "description",
    "date",
    "duree",
    "prix",
    "places_disponibles",
    "places_totales",
    "is_active",
    "participants",
}


def _create(api: Api, admin: str, **changes: Any) -> dict[str, Any]:
    created = api.post("/api/ateliers/", admin, json={**IKEBANA, **changes})
    assert created.status_code == 201, created.text
    return dict(created.json())


def test_s1_home_page_lists_workshops_anonymously(api: Api) -> None:
    admin = api.admin()
    _create(api, admin)
    _create(api, admin, nom="Bouquet rond", is_active=False)
    listed = api.get("/api/ateliers/?signal=[object AbortSignal]")
    assert listed.status_code == 200
    body = listed.json()
    assert body["count"] == 1 and body["next"] is None
    (workshop,) = body["results"]
    assert {"id", "date", "places_disponibles"} <= workshop.keys()
    assert workshop["titre"] == "Ikebana" and workshop["participants"] == []
    expired = "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.bad"
    assert api.get("/api/ateliers/", expired).status_code == 200


def test_s28_create_register_unregister(api: Api) -> None:
    admin = api.admin()
    created = _create(api, admin)
    me, token = api.new_client("alice")

    (workshop,) = api.get("/api/ateliers/", token).json()["results"]
    assert workshop.keys() >= ATELIER_KEYS
    assert workshop["id"] == created["id"] and workshop["nom"] == "Ikebana"
    assert workshop["duree"] == 2 and workshop["prix"] == 5000
    assert workshop["places_disponibles"] == 10 and workshop["places_totales"] == 10
    assert workshop["is_active"] is True and workshop["participants"] == []
    assert workshop["date"] == "2030-06-01T09:00:00Z"  # 10:00 in Douala (UTC+1)

    path = f"/api/ateliers/{workshop['id']}"
    registered = api.post(f"{path}/s_inscrire/", token)
    assert 200 <= registered.status_code < 300, registered.text

    detail = api.get(path)  # no slash, as AteliersPage asks
    assert detail.status_code == 200
    mine = api.get(path, token).json()
    assert mine["places_disponibles"] == 9
    (participant,) = mine["participants"]
    assert participant["utilisateur"]["id"] == me
    assert participant["date_inscription"] and participant["statut"] == "inscrit"
    assert detail.json()["participants"] == []  # anonymous: nobody's data

    again = api.post(f"{path}/s_inscrire/", token)
    assert again.status_code == 409 and isinstance(again.json()["error"], str)

    left = api.post(f"{path}/desinscription/", token)
    assert 200 <= left.status_code < 300, left.text
    after = api.get(path, token).json()
    assert after["places_disponibles"] == 10
    assert all(p["utilisateur"]["id"] != me for p in after["participants"])

    assert api.post(f"{path}/s_inscrire/", token).status_code == 200


def test_s29_full_workshop_admin_participants_stats_delete(api: Api) -> None:
    admin = api.admin()
    workshop = _create(api, admin, places_totales=1)
    path = f"/api/ateliers/{workshop['id']}"
    _, alice = api.new_client("alice")
    _, bob = api.new_client("bob")
    assert api.post(f"{path}/s_inscrire/", alice).status_code == 200
    full = api.post(f"{path}/s_inscrire/", bob)
    assert full.status_code == 409 and full.json()["error"] == "Plus de places disponibles."

    edited = api.put(
        f"{path}/",
        admin,
        json={**IKEBANA, "places_totales": 1, "date": "2030-06-01", "is_active": False},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["is_active"] is False
    assert edited.json()["date"] == "2030-05-31T23:00:00Z"  # midnight in Douala
    assert api.get(f"{path}/", admin).json()["nom"] == "Ikebana"
    assert api.get(f"{path}/", bob).status_code == 404  # inactive: hidden from clients

    page = api.get(f"{path}/participants/?page=1&per_page=10", admin)
    assert page.status_code == 200
    body = page.json()
    assert body["count"] == 1
    (row,) = body["results"]
    assert row["utilisateur"] == "alice" and row["statut"] == "inscrit"
    assert {"id", "date_inscription"} <= row.keys()

    stats = api.get("/api/ateliers/stats/?days=30", admin)
    assert stats.status_code == 200
    assert stats.json() == {
        "total_ateliers": 1,
        "active_ateliers": 0,
        "total_revenus": 0,
        "inscriptions_by_atelier": [{"atelier__nom": "Ikebana", "total": 1}],
    }

    assert api.delete(f"{path}/", admin).status_code in (200, 204)
    assert api.get(f"{path}/", admin).status_code == 404
