"""Absurd pages, quantities and dates are clear 4xx answers, never a driver overflow (issue 12)."""

from __future__ import annotations

import pytest

from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import add_product_in_new_category

TODAY = "2026-11-24"  # FakeClock


@pytest.mark.parametrize(
    "path",
    [
        "/api/produits/",
        "/api/categories/",
        "/api/promotions/",
        "/api/abonnements/",
        "/api/commandes/",
    ],
)
def test_a_huge_page_is_a_404_like_any_page_past_the_end(client, container, path):
    _, admin = make_admin(client, container)
    for page in ("99999999999999999999", str(2**62), "1000"):
        answer = client.get(f"{path}?page={page}", headers=bearer(admin))
        assert answer.status_code == 404, (page, answer.text)
        assert answer.json()["error"] == "Page non valide."


@pytest.fixture
def alice(client, container):
    return bearer(make_client(client, container, "alice")[1])


def _subscribe(client, headers, quantity=1, **extra):
    product = extra.pop("product")
    body = {
        "type": "mensuel",
        "produit_quantites": [{"produit_id": product, "quantite": quantity}],
        "date_debut": TODAY,
        **extra,
    }
    return client.post("/api/abonnements/", json=body, headers=headers)


def test_subscription_quantities_are_bounded_and_deliverable(client, container, alice):
    rose = add_product_in_new_category(container.engine, "1500.00", stock=2_000_000)
    lily = add_product_in_new_category(container.engine, "100.00", stock=3)
    huge = _subscribe(client, alice, 200_000, product=rose)
    assert huge.status_code == 400, huge.text
    assert huge.json()["fields"]["produit_quantites"] == [
        "La quantité doit être un entier entre 1 et 1000."
    ]
    short = _subscribe(client, alice, 4, product=lily)
    assert short.status_code == 400, short.text
    assert "stock" in short.json()["fields"]["produit_quantites"][0]
    assert _subscribe(client, alice, 3, product=lily).status_code == 201
    assert _subscribe(client, alice, 1000, product=rose).status_code == 201


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"date_debut": "9999-12-31"}, "date_debut"),
        ({"date_debut": "2031-11-25"}, "date_debut"),
        ({"date_fin": "9999-12-31"}, "date_fin"),
        ({"date_fin": "2031-11-25"}, "date_fin"),
    ],
)
def test_subscription_dates_stay_within_five_years(client, container, alice, dates, field):
    rose = add_product_in_new_category(container.engine, "1500.00", stock=10)
    answer = _subscribe(client, alice, product=rose, **dates)
    assert answer.status_code == 400, answer.text
    assert "5 ans" in answer.json()["fields"][field][0]


def test_subscription_end_change_stays_within_five_years(client, container, alice):
    rose = add_product_in_new_category(container.engine, "1500.00", stock=10)
    created = _subscribe(client, alice, product=rose, date_fin="2031-11-24")
    assert created.status_code == 201, created.text
    url = f"/api/abonnements/{created.json()['id']}/"
    assert client.patch(url, json={"date_fin": "9999-12-31"}, headers=alice).status_code == 400
    more = [{"produit_id": rose, "quantite": 11}]
    changed = client.patch(url, json={"produit_quantites": more}, headers=alice)
    assert changed.status_code == 400, changed.text


def test_cart_quantities_are_bounded(client, container, alice):
    rose = add_product_in_new_category(container.engine, "1500.00", stock=2_000_000)
    cart = client.get("/api/paniers/mon_panier/", headers=alice).json()
    path = f"/api/paniers/{cart['id']}/ajouter_produit/"
    for quantity in (1001, 200_000, 2**40):
        answer = client.post(path, json={"produit_id": rose, "quantite": quantity}, headers=alice)
        assert answer.status_code == 400, answer.text
        assert answer.json()["fields"] == {
            "quantite": ["La quantité doit être un entier entre 1 et 1000."]
        }
    added = client.post(path, json={"produit_id": rose, "quantite": 1000}, headers=alice)
    assert added.status_code in {200, 201}, added.text


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00"])
def test_dates_at_the_edge_of_the_calendar_are_a_400(client, container, value):
    _, admin = make_admin(client, container)
    answer = client.get(f"/api/commandes/?date_min={value}", headers=bearer(admin))
    assert answer.status_code in {200, 400}, answer.text
    body = {"nom": "P", "reduction": 0.1, "date_debut": "2026-01-01", "date_fin": value}
    created = client.post("/api/promotions/", json=body, headers=bearer(admin))
    assert created.status_code == 400, created.text


def test_site_parameters_are_typed_over_http(client, container):
    _, admin = make_admin(client, container)
    headers = bearer(admin)
    for cle, valeur in [
        ("otp_characters", "a"),
        ("otp_length", "abc"),
        ("SEUIL_STOCK_FAIBLE", "-1"),
    ]:
        answer = client.post(
            "/api/parametres/", json={"cle": cle, "valeur": valeur}, headers=headers
        )
        assert answer.status_code == 400, answer.text
        assert list(answer.json()["fields"]) == ["valeur"]
    created = client.post(
        "/api/parametres/", json={"cle": "otp_length", "valeur": "8"}, headers=headers
    )
    assert created.status_code == 201, created.text
    url = f"/api/parametres/{created.json()['id']}/"
    assert client.put(url, json={"valeur": "1000"}, headers=headers).status_code == 400
    assert client.get(url, headers=headers).json()["valeur"] == "8"


def test_access_is_checked_before_forbidden_fields(client, container, alice):
    _, bob = make_client(client, container, "bob")
    rose = add_product_in_new_category(container.engine, "1500.00", stock=10)
    created = _subscribe(client, bearer(bob), product=rose)
    assert created.status_code == 201
    theirs, missing = created.json()["id"], 999_999
    answers = {
        client.patch(f"/api/abonnements/{n}/", json={"prix": 1}, headers=alice).status_code
        for n in (theirs, missing)
    }
    assert answers == {404}
    users = {
        client.put(f"/api/utilisateurs/{n}/", json={"role": "admin"}, headers=alice).status_code
        for n in (2, missing)
    }
    assert users == {403}
