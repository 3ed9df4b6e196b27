"""Wire conventions of decisions.md §1: error body, slashes, CORS, docs, health, pagination."""

from __future__ import annotations

from tests.integration.helpers import bearer, make_admin


def test_unknown_route_and_wrong_method_use_the_error_body(client):
    missing = client.get("/api/nulle-part/")
    assert missing.status_code == 404
    assert set(missing.json()) == {"error", "detail"}
    wrong = client.put("/api/token/", json={})
    assert wrong.status_code == 405 and "error" in wrong.json()


def test_malformed_json_is_a_400_not_a_500(client):
    response = client.post(
        "/api/token/", content=b"{pas du json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error"]


def test_missing_and_unknown_fields_are_named(client):
    missing = client.post("/api/token/", json={"username": "x"})
    assert missing.status_code == 400
    assert missing.json()["fields"] == {"password": ["Ce champ est obligatoire."]}
    unknown = client.post("/api/token/", json={"username": "x", "password": "y", "role": "admin"})
    assert unknown.status_code == 400 and "role" in unknown.json()["fields"]


def test_wrong_types_are_field_errors(client):
    response = client.post("/api/verify-otp/", json={"user_id": "douze", "code": "1"})
    assert response.status_code == 400
    assert response.json()["fields"] == {"user_id": ["Un nombre entier est attendu."]}


def test_routes_answer_with_and_without_trailing_slash(client):
    assert client.get("/api/parametres/public").status_code == 200
    assert client.get("/api/parametres/public/").status_code == 200


def test_cors_preflight_needs_no_authentication(client):
    response = client.options(
        "/api/utilisateurs/me/",
        headers={
            "Origin": "http://localhost:3000",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
        },
    )
    assert response.status_code in (200, 204)
    assert response.headers["access-control-allow-origin"] in ("*", "http://localhost:3000")
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed and "idempotency-key" in allowed


def test_an_invalid_token_on_a_public_endpoint_counts_as_anonymous(client):
    response = client.get("/api/parametres/public/", headers=bearer("n.importe.quoi"))
    assert response.status_code == 200


def test_openapi_document_and_docs_are_served(client):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.1")
    assert "/api/token" in schema.json()["paths"]
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and "html" in docs.headers["content-type"]


def test_health_reports_the_database(client):
    response = client.get("/api/health/")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_pagination_envelope_links_and_bounds(client, container):
    _, admin = make_admin(client, container)
    for index in range(12):
        client.post(
            "/api/parametres/",
            json={"cle": f"cle_{index:02}", "valeur": "v"},
            headers=bearer(admin),
        )
    first = client.get(
        "/api/parametres/?per_page=5&signal=[object AbortSignal]", headers=bearer(admin)
    )
    body = first.json()
    assert body["count"] == 12 and len(body["results"]) == 5
    assert body["previous"] is None
    assert body["next"].startswith("http://testserver.local/api/parametres/?")
    assert "page=2" in body["next"]
    last = client.get("/api/parametres/?per_page=5&page=3", headers=bearer(admin)).json()
    assert len(last["results"]) == 2 and last["next"] is None
    assert client.get("/api/parametres/?page=9", headers=bearer(admin)).status_code == 404
    assert client.get("/api/parametres/?page=0", headers=bearer(admin)).status_code == 400
    assert client.get("/api/parametres/?per_page=abc", headers=bearer(admin)).status_code == 400
    capped = client.get("/api/parametres/?per_page=500", headers=bearer(admin)).json()
    assert len(capped["results"]) == 12


def test_ids_beyond_bigint_are_a_400_not_a_driver_overflow(client, container):
    from tests.integration.helpers import make_client

    _, token = make_client(client, container, "kofi")
    _, admin = make_admin(client, container)
    cart = client.get("/api/paniers/mon_panier/", headers=bearer(token)).json()["id"]
    huge = 10**30
    added = client.post(
        f"/api/paniers/{cart}/ajouter_produit/",
        json={"produit_id": huge, "quantite": 1},
        headers=bearer(token),
    )
    assert added.status_code == 400 and "produit_id" in added.json()["fields"]
    product = client.post(
        "/api/produits/",
        json={"nom": "Z", "description": "d", "prix": 1, "stock": 1, "categorie_id": huge},
        headers=bearer(admin),
    )
    assert product.status_code == 400 and "categorie_id" in product.json()["fields"]
    assert (
        client.post("/api/ban-user/", json={"user_id": huge}, headers=bearer(admin)).status_code
        == 400
    )
