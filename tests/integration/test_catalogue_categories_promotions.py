"""Categories and promotions over HTTP: visibility, CRUD, validation, pricing effects."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.integration.catalogue_helpers import make_category, make_product
from tests.integration.helpers import bearer, make_admin, make_client


@pytest.fixture
def admin(client, container) -> str:
    return make_admin(client, container)[1]


def iso(moment) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def test_category_crud_visibility_and_non_empty_delete(client, container, admin):
    roses = make_category(client, admin, "Roses", description="Rouges")
    hidden = make_category(client, admin, "Tulipes", is_active="false")
    make_product(client, admin, roses)
    _, token = make_client(client, container, "awa")
    public = client.get("/api/categories/").json()
    assert [c["nom"] for c in public["results"]] == ["Roses"]
    assert public["results"][0] == {
        "id": roses,
        "nom": "Roses",
        "description": "Rouges",
        "is_active": True,
        "date_creation": public["results"][0]["date_creation"],
        "produits_count": 1,
    }
    assert client.get(f"/api/categories/{hidden}/", headers=bearer(token)).status_code == 404
    everything = client.get("/api/categories/?search=tulip&is_active=false", headers=bearer(admin))
    assert [c["id"] for c in everything.json()["results"]] == [hidden]
    renamed = client.put(
        f"/api/categories/{hidden}/",
        json={"nom": "Tulipes rouges", "is_active": True},
        headers=bearer(admin),
    )
    assert renamed.status_code == 200 and renamed.json()["nom"] == "Tulipes rouges"
    taken = client.patch(f"/api/categories/{hidden}", json={"nom": "Roses"}, headers=bearer(admin))
    assert taken.status_code == 400 and "nom" in taken.json()["fields"]
    busy = client.delete(f"/api/categories/{roses}/", headers=bearer(admin))
    assert busy.status_code == 409 and busy.json()["error"] == "Catégorie non vide"
    assert client.delete(f"/api/categories/{hidden}/", headers=bearer(admin)).status_code == 204
    for method, path in [
        ("post", "/api/categories/"),
        ("put", f"/api/categories/{roses}/"),
        ("patch", f"/api/categories/{roses}/"),
    ]:
        assert getattr(client, method)(path, json={"nom": "Z"}).status_code == 401
        assert (
            getattr(client, method)(path, json={"nom": "Z"}, headers=bearer(token)).status_code
            == 403
        )
    assert client.delete(f"/api/categories/{roses}/", headers=bearer(token)).status_code == 403
    bad = client.post("/api/categories/", json={"nom": "", "x": 1}, headers=bearer(admin))
    assert bad.status_code == 400


def test_promotion_prices_products_and_follows_the_category(client, container, clock, admin):
    roses = make_category(client, admin, "Roses")
    orchids = make_category(client, admin, "Orchidées")
    p1 = make_product(client, admin, roses, nom="P1", prix="1500")
    p2 = make_product(client, admin, orchids, nom="P2", prix="3000")
    now = clock.now()
    body = {
        "nom": "Printemps",
        "reduction": 0.2,
        "date_debut": iso(now - timedelta(days=1)),
        "date_fin": iso(now + timedelta(days=30)),
        "produit_ids": [p1],
        "categorie_id": None,
    }
    created = client.post("/api/promotions/", json=body, headers=bearer(admin))
    assert created.status_code == 201, created.text
    promo = created.json()
    assert promo["reduction"] == 0.2 and promo["categorie"] is None
    assert [p["id"] for p in promo["produits"]] == [p1]
    assert promo["produits"][0]["prix_reduit"] == 1200.0
    assert client.get(f"/api/produits/{p1}/").json()["prix_reduit"] == 1200.0
    assert client.get(f"/api/produits/{p1}/").json()["promotions"] == [
        {"id": promo["id"], "nom": "Printemps"}
    ]
    assert client.get(f"/api/produits/{p2}/").json()["prix_reduit"] == 3000.0

    # A category promotion covers products added to the category later (no snapshot).
    wide = dict(body, nom="Orchidées -10", reduction="0.1", produit_ids=[], categorie_id=orchids)
    wide_id = client.post("/api/promotions/", json=wide, headers=bearer(admin)).json()["id"]
    p3 = make_product(client, admin, orchids, nom="P3", prix="1000")
    assert client.get(f"/api/produits/{p3}/").json()["prix_reduit"] == 900.0
    affected = client.get(f"/api/promotions/{wide_id}/produits_affectes/").json()
    assert [p["id"] for p in affected] == [p2, p3]
    client.put(f"/api/promotions/{wide_id}/", json={"produit_ids": [p2]}, headers=bearer(admin))
    affected = client.get(f"/api/promotions/{wide_id}/produits_affectes/").json()
    assert [p["id"] for p in affected] == [p2, p3]  # p2 linked and in the category: once

    # Best single reduction wins, no stacking.
    best = dict(body, nom="Orchidées -30", reduction=0.3, produit_ids=[p2], categorie_id=None)
    client.post("/api/promotions/", json=best, headers=bearer(admin))
    assert client.get(f"/api/produits/{p2}/").json()["prix_reduit"] == 2100.0

    assert client.get("/api/promotions/?status=active", headers=bearer(admin)).json()["count"] == 3
    assert client.get("/api/promotions/?status=expired", headers=bearer(admin)).json()["count"] == 0
    assert client.get("/api/promotions/?status=bidon").status_code == 400
    clock.advance(days=31)
    admin = make_admin(client, container)[1]  # the old token has expired too
    assert client.get("/api/promotions/").json()["count"] == 0
    assert client.get("/api/promotions/?status=expired", headers=bearer(admin)).json()["count"] == 3
    assert client.get(f"/api/promotions/{wide_id}/").status_code == 404
    assert client.get(f"/api/promotions/{wide_id}/", headers=bearer(admin)).status_code == 200
    assert client.get(f"/api/produits/{p2}/").json()["prix_reduit"] == 3000.0
    assert client.delete(f"/api/promotions/{wide_id}/", headers=bearer(admin)).status_code == 204


def test_promotion_validation(client, clock, admin):
    now = clock.now()
    base = {
        "nom": "Soldes",
        "reduction": "0.5",
        "date_debut": iso(now),
        "date_fin": iso(now + timedelta(days=2)),
    }
    for change, field in [
        ({"reduction": 20}, "reduction"),
        ({"reduction": -0.1}, "reduction"),
        ({"reduction": "abc"}, "reduction"),
        ({"date_debut": "hier"}, "date_debut"),
        ({"date_fin": iso(now - timedelta(days=1))}, "non_field_errors"),
        ({"categorie_id": 99999}, "categorie_id"),
        ({"produit_ids": [99999]}, "produit_ids"),
        ({"couleur": "rouge"}, "couleur"),
    ]:
        response = client.post("/api/promotions/", json=base | change, headers=bearer(admin))
        assert response.status_code == 400, (change, response.text)
        assert field in response.json()["fields"], (change, response.json())
    out_of_range = client.post(
        "/api/promotions/", json=base | {"reduction": 20}, headers=bearer(admin)
    )
    assert "entre 0 et 1" in out_of_range.json()["error"]
    created = client.post(
        "/api/promotions/",
        json=base | {"date_debut": now.date().isoformat()},
        headers=bearer(admin),
    )
    assert created.status_code == 201, created.text
    promo = created.json()["id"]
    one_date = client.patch(
        f"/api/promotions/{promo}/",
        json={"date_fin": iso(now + timedelta(days=9))},
        headers=bearer(admin),
    )
    assert one_date.status_code == 200
    reversed_ = client.patch(
        f"/api/promotions/{promo}/", json={"date_fin": "2000-01-01"}, headers=bearer(admin)
    )
    assert reversed_.status_code == 400
    duplicate = client.post("/api/promotions/", json=base, headers=bearer(admin))
    assert duplicate.status_code == 400 and "nom" in duplicate.json()["fields"]


def test_promotion_authorization(client, container, clock, admin):
    _, token = make_client(client, container, "awa")
    now = clock.now()
    body = {
        "nom": "P",
        "reduction": 0.1,
        "date_debut": iso(now),
        "date_fin": iso(now + timedelta(days=1)),
    }
    promo = client.post("/api/promotions/", json=body, headers=bearer(admin)).json()["id"]
    for method, path in [
        ("post", "/api/promotions/"),
        ("put", f"/api/promotions/{promo}/"),
        ("patch", f"/api/promotions/{promo}/"),
    ]:
        assert getattr(client, method)(path, json=body).status_code == 401
        assert getattr(client, method)(path, json=body, headers=bearer(token)).status_code == 403
    assert client.delete(f"/api/promotions/{promo}/").status_code == 401
    assert client.delete(f"/api/promotions/{promo}/", headers=bearer(token)).status_code == 403
    for headers in ({}, bearer(token), bearer(admin)):
        assert client.get("/api/promotions/", headers=headers).json()["count"] == 1
        assert (
            client.get(f"/api/promotions/{promo}/produits_affectes/", headers=headers).json() == []
        )
