"""A checkout makes stale only what it changed: the stock of its products and its buyer's cart.
The rest of the catalogue stays cached, and every page still shows the new stock at once."""

from __future__ import annotations

from tests.integration.helpers import bearer, make_client
from tests.integration.rows import add_category, add_product


def _buy(client, token, product_id, quantity):
    cart_id = client.get("/api/paniers/mon_panier/", headers=bearer(token)).json()["id"]
    added = client.post(
        f"/api/paniers/{cart_id}/ajouter_produit/",
        json={"produit_id": product_id, "quantite": quantity},
        headers=bearer(token),
    )
    assert added.status_code == 201, added.text
    address = client.post(
        "/api/adresses/",
        json={"nom": "M", "rue": "r", "ville": "v", "code_postal": "1", "pays": "CM"},
        headers=bearer(token),
    ).json()["id"]
    placed = client.post(
        f"/api/paniers/{cart_id}/valider_panier/",
        json={"adresse_id": address},
        headers={**bearer(token), "Idempotency-Key": "achat"},
    )
    assert placed.status_code == 201, placed.text


def _stocks(client, token=None):
    headers = bearer(token) if token else {}
    listed = client.get("/api/produits/", headers=headers).json()["results"]
    return {p["id"]: p["stock"] for p in listed}


def test_a_checkout_keeps_the_catalogue_cached_but_shows_the_new_stock(client, container, engine):
    category = add_category(engine)
    rose = add_product(engine, category, "Rose", "1000.00", stock=10)
    tulip = add_product(engine, category, "Tulipe", "800.00", stock=7)
    _, buyer = make_client(client, container, "acheteuse")
    _, watcher = make_client(client, container, "curieuse")
    watcher_cart = client.get("/api/paniers/mon_panier/", headers=bearer(watcher)).json()
    assert _stocks(client) == {rose: 10, tulip: 7}
    assert client.get(f"/api/produits/{rose}/").json()["stock"] == 10
    assert client.get("/api/produits/?ordering=-stock").json()["results"][0]["id"] == rose
    catalogue = container.read_cache.version("catalogue")

    _buy(client, buyer, rose, 4)

    assert container.read_cache.version("catalogue") == catalogue  # no flush of everything
    assert _stocks(client) == {rose: 6, tulip: 7}
    assert client.get(f"/api/produits/{rose}/").json()["stock"] == 6
    assert client.get("/api/produits/?ordering=-stock").json()["results"][0]["id"] == tulip
    mine = client.get("/api/paniers/mon_panier/", headers=bearer(buyer)).json()
    assert mine["items"] == []
    assert client.get("/api/paniers/mon_panier/", headers=bearer(watcher)).json() == watcher_cart
