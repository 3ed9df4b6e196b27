"""Products over HTTP: wire shape, visibility, filters, paging edge cases, writes, errors."""

from __future__ import annotations

import pytest

from tests.integration.catalogue_helpers import make_category, make_product
from tests.integration.helpers import bearer, make_admin, make_client


@pytest.fixture
def admin(client, container) -> str:
    return make_admin(client, container)[1]


def test_product_wire_shape_and_prix_reduit_without_promotion(client, admin):
    category = make_category(client, admin)
    product = make_product(client, admin, category, prix="1500.50")
    listed = client.get("/api/produits/?signal=[object AbortSignal]")
    assert listed.status_code == 200
    item = listed.json()["results"][0]
    assert item == {
        "id": product,
        "nom": "Rose rouge",
        "description": "Belle",
        "prix": 1500.5,
        "stock": 10,
        "photos": [],
        "categorie": {"id": category, "nom": "Roses"},
        "promotions": [],
        "is_active": True,
        "date_creation": item["date_creation"],
        "date_mise_a_jour": item["date_mise_a_jour"],
        "prix_reduit": 1500.5,
    }
    assert item["date_creation"].endswith("Z")
    detail = client.get(f"/api/produits/{product}")
    assert detail.status_code == 200 and detail.json() == item


def test_inactive_products_hidden_from_non_admins(client, container, admin):
    category = make_category(client, admin)
    hidden = make_product(client, admin, category, nom="Cachée", is_active="false")
    _, token = make_client(client, container, "awa")
    for headers in ({}, bearer(token)):
        assert client.get(f"/api/produits/{hidden}/", headers=headers).status_code == 404
        assert client.get("/api/produits/", headers=headers).json()["count"] == 0
    assert client.get(f"/api/produits/{hidden}/", headers=bearer(admin)).status_code == 200
    listed = client.get("/api/produits/?is_active=false", headers=bearer(admin)).json()
    assert [p["id"] for p in listed["results"]] == [hidden]


def test_filters_search_and_ordering(client, admin):
    roses = make_category(client, admin, "Roses")
    orchids = make_category(client, admin, "Orchidées")
    a = make_product(client, admin, roses, nom="Rose", prix="1000", stock=3)
    b = make_product(client, admin, orchids, nom="Orchidée", prix="3000", stock=50)
    c = make_product(
        client, admin, roses, nom="Bouquet", prix="2000", stock=20, description="des roses"
    )

    def ids(query: str) -> list[int]:
        response = client.get(f"/api/produits/?{query}")
        assert response.status_code == 200, response.text
        return [p["id"] for p in response.json()["results"]]

    assert ids("") == [a, b, c]
    assert ids(f"categorie={roses}") == [a, c]
    # What the React client's "similar products" block sends (issue 12).
    assert ids(f"categorie[id]={orchids}&categorie[nom]=Orchid%C3%A9es") == [b]
    assert ids(f"categorie%5Bid%5D={roses}") == [a, c]
    assert ids("prix_min=1500") == [b, c]
    assert ids("prix_max=2000") == [a, c]
    assert ids("prix_min=1500&prix_max=2500") == [c]
    assert ids("stock_min=20") == [b, c]
    assert ids("nom=Rose") == [a]
    assert ids("search=ROSE") == [a, c]
    assert ids("ordering=-prix") == [b, c, a]
    assert ids("ordering=stock") == [a, c, b]
    assert ids("ordering=-date_creation,prix") == [a, c, b]
    assert ids("ordering=unknown") == [a, b, c]


@pytest.mark.parametrize(
    "query",
    [
        "prix_min=abc",
        "prix_max=NaN",
        "stock_min=x",
        "categorie=abc",
        "is_active=peut-etre",
        "page=0",
        "page=-1",
        "per_page=0",
        "per_page=abc",
    ],
)
def test_malformed_known_parameters_are_400(client, query):
    response = client.get(f"/api/produits/?{query}")
    assert response.status_code == 400
    assert response.json()["error"] and response.json()["fields"]


def test_pagination_edges(client, admin):
    category = make_category(client, admin)
    for n in range(12):
        make_product(client, admin, category, nom=f"P{n:02d}")
    first = client.get("/api/produits/").json()
    assert first["count"] == 12 and len(first["results"]) == 10
    assert first["previous"] is None
    assert first["next"] == "http://testserver.local/api/produits/?page=2"
    second = client.get(first["next"]).json()
    assert len(second["results"]) == 2 and second["next"] is None
    assert second["previous"] == "http://testserver.local/api/produits/"
    beyond = client.get("/api/produits/?page=3")
    assert beyond.status_code == 404 and beyond.json()["detail"] == "Page non valide."
    clamped = client.get("/api/produits/?per_page=1000").json()
    assert len(clamped["results"]) == 12


def test_create_validation_reports_fields(client, admin):
    category = make_category(client, admin)
    cases = [
        ({"nom": "X", "prix": -1, "stock": 1, "categorie_id": category}, "prix"),
        ({"nom": "X", "prix": "abc", "stock": 1, "categorie_id": category}, "prix"),
        ({"nom": "X", "prix": 10.005, "stock": 1, "categorie_id": category}, "prix"),
        ({"nom": "X", "prix": 10, "stock": -2, "categorie_id": category}, "stock"),
        ({"nom": "X", "prix": 10, "stock": 1.5, "categorie_id": category}, "stock"),
        ({"nom": " ", "prix": 10, "stock": 1, "categorie_id": category}, "nom"),
        ({"nom": "X", "prix": 10, "stock": 1, "categorie_id": 999999}, "categorie_id"),
        ({"nom": "X", "prix": 10, "stock": 1}, "categorie_id"),
        ({"nom": "X", "prix": 10, "stock": 1, "categorie_id": "abc"}, "categorie_id"),
        (
            {"nom": "X", "prix": 10, "stock": 1, "categorie_id": category, "promotions": [77]},
            "promotions",
        ),
        (
            {"nom": "X", "prix": 10, "stock": 1, "categorie_id": category, "promotions": "x"},
            "promotions",
        ),
        (
            {"nom": "X", "prix": 10, "stock": 1, "categorie_id": category, "is_active": "oui"},
            "is_active",
        ),
        (
            {"nom": "X", "prix": 10, "stock": 1, "categorie_id": category, "couleur": "rouge"},
            "couleur",
        ),
    ]
    for body, field in cases:
        response = client.post("/api/produits/", json=body, headers=bearer(admin))
        assert response.status_code == 400, (body, response.text)
        assert field in response.json()["fields"], (body, response.json())
    assert client.get("/api/produits/", headers=bearer(admin)).json()["count"] == 0


def test_update_is_partial_and_accepts_form_strings(client, admin):
    category = make_category(client, admin)
    other = make_category(client, admin, "Orchidées")
    product = make_product(client, admin, category)
    response = client.put(
        f"/api/produits/{product}/",
        json={"stock": "3", "prix": 2000.5, "categorie_id": str(other), "is_active": "false"},
        headers=bearer(admin),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stock"], body["prix"], body["categorie"]["id"], body["is_active"]) == (
        3,
        2000.5,
        other,
        False,
    )
    assert body["nom"] == "Rose rouge"
    patched = client.patch(f"/api/produits/{product}", json={"nom": "Rose"}, headers=bearer(admin))
    assert patched.status_code == 200 and patched.json()["stock"] == 3
    assert client.patch("/api/produits/999999/", json={}, headers=bearer(admin)).status_code == 404


def test_authorization_matrix(client, container, admin):
    category = make_category(client, admin)
    product = make_product(client, admin, category)
    _, token = make_client(client, container, "awa")
    writes = [
        ("post", "/api/produits/", {"nom": "X"}),
        ("put", f"/api/produits/{product}/", {"stock": 1}),
        ("patch", f"/api/produits/{product}/", {"stock": 1}),
        ("delete", f"/api/produits/{product}/", None),
        ("get", "/api/produits/low_stock/", None),
        ("get", "/api/produits/stats/", None),
    ]
    for method, path, body in writes:
        kwargs = {} if body is None else {"json": body}
        assert getattr(client, method)(path, **kwargs).status_code == 401, path
        assert getattr(client, method)(path, headers=bearer(token), **kwargs).status_code == 403
    for path in ("/api/produits/", f"/api/produits/{product}/"):
        for headers in ({}, bearer(token), bearer(admin), bearer("expired.or.junk")):
            assert client.get(path, headers=headers).status_code == 200


def test_low_stock_uses_the_threshold_parameter(client, container, admin):
    category = make_category(client, admin)
    low = make_product(client, admin, category, nom="Basse", stock=2)
    make_product(client, admin, category, nom="Haute", stock=50)
    make_product(client, admin, category, nom="Inactive", stock=0, is_active=False)
    report = client.get("/api/produits/low_stock/?page=1&per_page=10", headers=bearer(admin))
    assert report.json() == {
        "seuil": 5,
        "total_low_stock": 1,
        "products": [{"id": low, "nom": "Basse", "stock": 2, "categorie__nom": "Roses"}],
    }
    container.save_parameter("SEUIL_STOCK_FAIBLE", "2", None)
    at_threshold = client.get("/api/produits/low_stock/", headers=bearer(admin)).json()
    assert at_threshold["seuil"] == 2
    assert [p["nom"] for p in at_threshold["products"]] == ["Basse"]  # stock ≤ seuil (S22)
    container.save_parameter("SEUIL_STOCK_FAIBLE", "1", None)
    assert client.get("/api/produits/low_stock/", headers=bearer(admin)).json()["products"] == []


def test_stats_return_every_key(client, admin):
    category = make_category(client, admin)
    make_product(client, admin, category, nom="Basse", stock=1)
    stats = client.get("/api/produits/stats/?days=90", headers=bearer(admin))
    assert stats.status_code == 200
    body = stats.json()
    assert body["total_products"] == 1 and body["active_products"] == 1
    assert body["low_stock_products"] == 1 and body["total_sales"] == 0
    assert body["sales_by_product"] == []
    assert body["stock_by_category"] == [{"categorie_nom": "Roses", "total_stock": 1}]
    assert body["low_stock_details"][0]["nom"] == "Basse"
    assert client.get("/api/produits/stats/?days=x", headers=bearer(admin)).status_code == 400
