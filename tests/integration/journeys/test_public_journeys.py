"""Journeys S1, S38, S39 and S40 of frontend-contract §4: home page, contact, CORS, slashes."""

from __future__ import annotations

import pytest

from tests.integration.journeys.catalogue_flows import seed_roses_and_orchids
from tests.integration.journeys.support import Api, around

SIGNAL = "signal=[object AbortSignal]"
PRODUCT_CARD = {"id", "nom", "prix", "prix_reduit", "photos", "description", "categorie"}


def _home_page(api: Api, token: str | None) -> None:
    settings = api.get("/api/parametres/public/", token)
    assert settings.status_code == 200 and isinstance(settings.json(), list)
    assert all({"cle", "valeur"} <= row.keys() for row in settings.json())

    products = api.get(f"/api/produits/?{SIGNAL}", token)
    assert products.status_code == 200 and products.json()["count"] == 2
    for product in products.json()["results"]:
        assert product.keys() >= PRODUCT_CARD and isinstance(product["photos"], list)
    # S1.3 GET /api/services/?signal=… — in test_services_quotes_journeys.py.
    # S1.4 GET /api/ateliers/?signal=… — in test_workshop_journeys.py.
    # S1.5 GET /api/articles/?signal=… — articles not built.
    promotions = api.get("/api/promotions/", token)
    assert promotions.status_code == 200
    (promotion,) = promotions.json()["results"]
    assert {"id", "nom", "description"} <= promotion.keys()
    assert [p["nom"] for p in promotion["produits"]] == ["Rose rouge"]


def test_s1_anonymous_home_page_also_with_an_expired_or_bad_token(api: Api, clock) -> None:
    admin = api.admin()
    seeded = seed_roses_and_orchids(api, admin)
    start, end = around(clock.now(), days_after=60)
    promotion = {"nom": "Fête", "description": "Roses", "reduction": 0.1}
    promotion |= {"date_debut": start, "date_fin": end, "produit_ids": [seeded.p1]}
    assert api.post("/api/promotions/", admin, json=promotion).status_code == 201
    api.post(
        "/api/parametres/",
        admin,
        json={"cle": "site_name", "valeur": "ChezFlora", "description": ""},
    )
    _, token = api.new_client("alice")

    _home_page(api, None)
    _home_page(api, token)
    clock.advance(minutes=181)  # the stored access token has expired
    assert api.get("/api/utilisateurs/me/", token).status_code == 401
    _home_page(api, token)  # public endpoints treat it as anonymous
    _home_page(api, "garbage.token.value")


def test_s38_contact_form(api: Api) -> None:
    sent = api.post(
        "/api/contact/",
        json={"name": "Zoé", "email": "zoe@x.test", "message": "Bonjour, je voudrais un devis."},
    )
    assert sent.status_code == 200, sent.text
    assert isinstance(sent.json()["status"], str) and sent.json()["status"]

    refused = api.post("/api/contact/", json={"name": "", "email": "bad", "message": "x"})
    assert refused.status_code == 400 and isinstance(refused.json()["error"], str)


@pytest.mark.parametrize(
    ("method", "path", "headers"),
    [
        ("GET", "/api/paniers/mon_panier/", "authorization"),
        ("POST", "/api/produits/", "content-type, authorization"),
        ("PUT", "/api/produits/1/", "content-type, authorization"),
        ("PATCH", "/api/update-profile/", "content-type, authorization"),
        ("DELETE", "/api/produits/1/", "authorization"),
    ],
)
def test_s39_cors_preflight_needs_no_auth(api: Api, method: str, path: str, headers: str) -> None:
    origin = "http://localhost:3000"
    preflight = api.call(
        "OPTIONS",
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": headers,
        },
    )
    assert 200 <= preflight.status_code < 300, preflight.text
    assert preflight.headers["access-control-allow-origin"] in ("*", origin)
    allowed_headers = preflight.headers["access-control-allow-headers"].lower()
    for header in headers.split(", "):
        assert header in allowed_headers
    assert method in preflight.headers["access-control-allow-methods"]


def test_s40_trailing_slash_tolerance(api: Api) -> None:
    _, token = api.new_client("alice")
    bare = api.get("/api/paniers", token)
    slashed = api.get("/api/paniers/", token)
    assert bare.status_code == 200 and not bare.history  # answered directly, no redirect
    assert bare.json() == slashed.json()
    # GET /api/devis — in test_services_quotes_journeys.py.
    # GET /api/realisations/{id} — in test_services_quotes_journeys.py.
    workshop = api.post(
        "/api/ateliers/",
        api.admin(),
        json={
            "nom": "Ikebana",
            "date": "2030-06-01T10:00",
            "duree": 2,
            "prix": "5000",
            "places_totales": 10,
            "description": "",
            "is_active": True,
        },
    ).json()["id"]
    bare_workshop = api.get(f"/api/ateliers/{workshop}", token)
    assert bare_workshop.status_code == 200 and not bare_workshop.history
    assert bare_workshop.json() == api.get(f"/api/ateliers/{workshop}/", token).json()
