"""Journeys S1 (services part), S24, S25, S26, S27 and S40 (devis, réalisations) of
frontend-contract §4: services, the portfolio and quotes, as the React client drives them.

S26 asks for 400 on illegal moves; decisions.md §1/§5 (which win) make them 409 with `error`.
"""

from __future__ import annotations

import io

from PIL import Image

from tests.integration.journeys.support import Api

SIGNAL = "signal=[object AbortSignal]"


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 60)).save(buffer, "PNG")
    return buffer.getvalue()


def _photo(api: Api, admin: str, entity_type: str, entity_id: int) -> None:
    uploaded = api.post(
        "/api/photos/",
        admin,
        files={"image": ("fleur.png", _png(), "image/png")},
        data={"entity_type": entity_type, "entity_id": str(entity_id)},
    )
    assert 200 <= uploaded.status_code < 300, uploaded.text


def _service(api: Api, admin: str, nom: str = "Mariage") -> int:
    body = {"nom": nom, "description": "Déco", "is_active": "true"}
    created = api.post("/api/services/", admin, json=body)
    assert 200 <= created.status_code < 300, created.text
    return int(created.json()["id"])


def test_s1_home_page_services(api: Api) -> None:
    admin = api.admin()
    for nom in ("Mariage", "Deuil", "Jardin", "Conseil"):
        _service(api, admin, nom)
    for token in (None, "expired.or.bogus.token"):
        listed = api.get(f"/api/services/?{SIGNAL}", token)
        assert listed.status_code == 200
        body = listed.json()
        assert body["count"] == 4 and {"next", "previous"} <= body.keys()
        for service in body["results"][:3]:
            assert {"id", "nom", "description"} <= service.keys()


def test_s24_service_crud_and_public_view(api: Api) -> None:
    admin = api.admin()
    service_id = _service(api, admin)
    _photo(api, admin, "service", service_id)
    listed = api.get("/api/services/").json()["results"]
    [service] = [s for s in listed if s["id"] == service_id]
    assert service["nom"] == "Mariage" and service["description"] == "Déco"
    assert service["is_active"] is True and service["date_creation"]
    assert service["photos"][0]["image"].startswith("http://")
    assert api.get(f"/api/services/{service_id}/").json() == service
    updated = api.put(
        f"/api/services/{service_id}/",
        admin,
        json={"nom": "Mariage+", "description": "…", "is_active": "false"},
    )
    assert 200 <= updated.status_code < 300 and updated.json()["is_active"] is False
    admin_page = api.get("/api/services/?page=1&per_page=10&search=Mariage", admin).json()
    assert admin_page["count"] == 1 and admin_page["results"][0]["photos"][0]["id"]
    deleted = api.delete(f"/api/services/{service_id}/", admin)
    assert 200 <= deleted.status_code < 300


def _up_to_proposal(api: Api) -> tuple[str, str, int, int]:
    admin = api.admin()
    service_id = _service(api, admin)
    _, alice = api.new_client("alice")
    created = api.post(
        "/api/devis/",
        alice,
        json={
            "service_id": service_id,
            "description": "Déco mariage 100 pers.",
            "prix_demande": 50000,
        },
    )
    assert 200 <= created.status_code < 300, created.text
    listed = api.get("/api/devis", alice)
    assert listed.status_code == 200
    quote = listed.json()["results"][0]
    assert quote["service"] == {**quote["service"], "id": service_id, "nom": "Mariage"}
    assert quote["description"] == "Déco mariage 100 pers." and quote["date_creation"]
    assert quote["statut"] == "brouillon" and quote["prix_demande"] == 50000
    assert quote["prix_propose"] is None and quote["commentaire_admin"] is None
    assert quote["date_expiration"] is None
    quote_id = quote["id"]
    submitted = api.post(f"/api/devis/{quote_id}/soumettre/", alice, json={})
    assert 200 <= submitted.status_code < 300 and submitted.json()["statut"] == "soumis"
    page = api.get(
        "/api/devis/?page=1&per_page=10&statut=soumis&ordering=-date_creation", admin
    ).json()
    assert page["count"] == 1
    assert page["results"][0]["client_username"] == "alice"
    assert page["results"][0]["service"]["nom"] == "Mariage"
    answered = api.post(
        f"/api/devis/{quote_id}/proposer_reponse/",
        admin,
        json={"prix_propose": 45000, "statut": "en_cours", "commentaire_admin": "OK"},
    )
    assert 200 <= answered.status_code < 300, answered.text
    mine = api.get("/api/devis", alice).json()["results"][0]
    assert mine["statut"] == "en_cours" and mine["prix_propose"] == 45000
    assert mine["commentaire_admin"] == "OK"
    return admin, alice, service_id, quote_id


def test_s25_quote_full_cycle_accept(api: Api) -> None:
    _, alice, _, quote_id = _up_to_proposal(api)
    accepted = api.post(f"/api/devis/{quote_id}/accepter/", alice, json={})
    assert 200 <= accepted.status_code < 300 and accepted.json()["statut"] == "accepte"
    # Beyond the original: the accepted quote is an order waiting for its payment.
    orders = api.get("/api/commandes/", alice).json()["results"]
    assert [(o["statut"], o["total"]) for o in orders] == [("en_attente", 45000)]


def test_s26_quote_refused_and_guards(api: Api) -> None:
    _, alice, service_id, quote_id = _up_to_proposal(api)
    refused = api.post(f"/api/devis/{quote_id}/refuser/", alice, json={})
    assert 200 <= refused.status_code < 300 and refused.json()["statut"] == "refuse"

    draft = api.post(
        "/api/devis/", alice, json={"service_id": service_id, "description": "Deuil"}
    ).json()["id"]
    early = api.post(f"/api/devis/{draft}/accepter/", alice, json={})
    assert early.status_code == 409 and early.json()["error"]
    assert api.post(f"/api/devis/{draft}/soumettre/", alice, json={}).status_code == 200
    twice = api.post(f"/api/devis/{draft}/soumettre/", alice, json={})
    assert twice.status_code == 409 and twice.json()["error"] == "Ce devis a déjà été soumis."

    _, bob = api.new_client("bob")
    for action in ("soumettre", "accepter", "refuser"):
        other = api.post(f"/api/devis/{draft}/{action}/", bob, json={})
        assert other.status_code in (403, 404)
    assert api.get(f"/api/devis/{draft}/", bob).status_code in (403, 404)
    assert api.get("/api/devis", bob).json()["count"] == 0


def test_s27_realisation_crud_and_public_pages(api: Api) -> None:
    admin = api.admin()
    service_id = _service(api, admin)
    body = {
        "service_id": str(service_id),
        "titre": "Mariage à Kribi",
        "description": "…",
        "date": "2025-03-01",
        "is_active": "true",
    }
    created = api.post("/api/realisations/", admin, json=body)
    assert 200 <= created.status_code < 300, created.text
    realisation_id = created.json()["id"]
    _photo(api, admin, "realisation", realisation_id)
    public = api.get("/api/realisations/").json()["results"]
    [item] = [r for r in public if r["id"] == realisation_id]
    assert item["titre"] == "Mariage à Kribi" and item["description"] == "…"
    assert item["photos"][0]["image"].startswith("http://") and item["date_creation"]
    assert item["service"]["id"] == service_id and item["service"]["nom"] == "Mariage"
    bare = api.get(f"/api/realisations/{realisation_id}")
    assert bare.status_code == 200 and not bare.history and bare.json() == item
    page = api.get("/api/realisations/?page=1&per_page=10", admin).json()
    assert page["count"] == 1
    row = page["results"][0]
    assert isinstance(row["date"], str) and row["is_active"] is True and row["photos"][0]["id"]
    hidden = api.put(
        f"/api/realisations/{realisation_id}/", admin, json={**body, "is_active": "false"}
    )
    assert 200 <= hidden.status_code < 300 and hidden.json()["is_active"] is False
    assert 200 <= api.delete(f"/api/realisations/{realisation_id}/", admin).status_code < 300


def test_s40_trailing_slash_tolerance_for_devis_and_realisations(api: Api) -> None:
    admin = api.admin()
    service_id = _service(api, admin)
    _, alice = api.new_client("alice")
    api.post("/api/devis/", alice, json={"service_id": service_id, "description": "x"})
    bare, slashed = api.get("/api/devis", alice), api.get("/api/devis/", alice)
    assert bare.status_code == 200 and not bare.history and bare.json() == slashed.json()
    realisation = api.post(
        "/api/realisations/",
        admin,
        json={"service_id": service_id, "titre": "Kribi", "date": "2025-03-01"},
    ).json()["id"]
    bare = api.get(f"/api/realisations/{realisation}", alice)
    slashed = api.get(f"/api/realisations/{realisation}/", alice)
    assert bare.status_code == 200 and not bare.history and bare.json() == slashed.json()
