"""Idempotency-Key on checkout and payment simulation: replay, 409 on another body, per user."""

from __future__ import annotations

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.shopping import orders, payments
from tests.integration.helpers import bearer, login, make_admin, make_client
from tests.integration.rows import add_category, add_product, stock_of


def _count(engine, table):
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


def _ready_cart(client, token, product_id):
    cart = client.get("/api/paniers/mon_panier/", headers=bearer(token)).json()
    client.post(
        f"/api/paniers/{cart['id']}/ajouter_produit/",
        json={"produit_id": product_id, "quantite": 2},
        headers=bearer(token),
    )
    address = client.post(
        "/api/adresses/",
        json={"nom": "M", "rue": "r", "ville": "v", "code_postal": "1", "pays": "CM"},
        headers=bearer(token),
    ).json()
    return cart["id"], address["id"]


def test_checkout_replays_the_first_answer_and_creates_nothing_more(
    client, container, engine, clock
):
    rose = add_product(engine, add_category(engine), "Rose", "1000.00", stock=10)
    _, token = make_client(client, container, "gisele")
    cart_id, address_id = _ready_cart(client, token, rose)
    headers = {**bearer(token), "Idempotency-Key": "commande-42"}
    path = f"/api/paniers/{cart_id}/valider_panier/"

    first = client.post(path, json={"adresse_id": address_id}, headers=headers)
    assert first.status_code == 201, first.text
    replay = client.post(path.rstrip("/"), json={"adresse_id": str(address_id)}, headers=headers)
    assert replay.status_code == 201 and replay.json() == first.json()
    assert replay.headers.get("idempotent-replayed") == "true"
    assert _count(engine, orders) == 1 and _count(engine, payments) == 1
    assert stock_of(engine, rose) == 8

    other = client.post(path, json={"adresse_id": address_id + 1}, headers=headers)
    assert other.status_code == 409 and "idempotence" in other.json()["error"]

    clock.advance(hours=25)  # the key has expired: the request runs again (empty cart now)
    headers = {**bearer(login(client, "gisele")), "Idempotency-Key": "commande-42"}
    late = client.post(path, json={"adresse_id": address_id}, headers=headers)
    assert late.status_code == 400 and late.json()["error"] == "Panier vide"


def test_keys_belong_to_their_user_and_failures_free_the_key(client, container, engine):
    rose = add_product(engine, add_category(engine), "Rose", "1000.00", stock=10)
    _, alice = make_client(client, container, "alice")
    _, bob = make_client(client, container, "bob")
    alice_cart, alice_address = _ready_cart(client, alice, rose)
    bob_cart, bob_address = _ready_cart(client, bob, rose)
    key = {"Idempotency-Key": "meme-cle"}

    refused = client.post(
        f"/api/paniers/{alice_cart}/valider_panier/", json={}, headers={**bearer(alice), **key}
    )
    assert refused.status_code == 400
    done = client.post(
        f"/api/paniers/{alice_cart}/valider_panier/",
        json={"adresse_id": alice_address},
        headers={**bearer(alice), **key},
    )
    assert done.status_code == 201  # the failed attempt did not keep the key
    theirs = client.post(
        f"/api/paniers/{bob_cart}/valider_panier/",
        json={"adresse_id": bob_address},
        headers={**bearer(bob), **key},
    )
    assert theirs.status_code == 201 and theirs.json()["commande_id"] != done.json()["commande_id"]


def test_simulate_payment_replays(client, container, engine):
    rose = add_product(engine, add_category(engine), "Rose", "1000.00", stock=10)
    _, token = make_client(client, container, "hawa")
    _, admin = make_admin(client, container)
    cart_id, address_id = _ready_cart(client, token, rose)
    placed = client.post(
        f"/api/paniers/{cart_id}/valider_panier/",
        json={"adresse_id": address_id},
        headers=bearer(token),
    ).json()
    path = f"/api/paiements/{placed['paiement_id']}/simuler/"
    headers = {**bearer(token), "Idempotency-Key": "payer-1"}
    first = client.post(path, headers=headers)
    assert first.status_code == 200 and first.json()["statut"] == "effectue"
    replay = client.post(path, headers=headers)
    assert replay.status_code == 200 and replay.json() == first.json()
    # The answer is built from the write itself: it is what a fresh read shows.
    shown = client.get(f"/api/paiements/{placed['paiement_id']}/", headers=bearer(token)).json()
    assert {k: v for k, v in first.json().items() if k != "status"} == shown
    # Without the key the second simulation is refused: the payment was made once.
    assert client.post(path, headers=bearer(token)).status_code == 409
    assert client.post(path, headers=bearer(admin)).status_code == 409
