"""Deleting a product that carts, wishlists, orders and subscriptions refer to.

Carts and wishlists lose it; order lines keep their frozen name and price (`produit` keeps
`nom`, its id becomes null: the admin pages read `produit.nom`); a product in a subscription
basket cannot be deleted (409, deactivate it instead) and nothing is half-deleted."""

from __future__ import annotations

from pathlib import Path

from tests.integration.catalogue_helpers import image_bytes, make_category, make_product, upload
from tests.integration.helpers import bearer, make_admin, make_client


def _add_to_cart(client, token, product_id):
    cart = client.get("/api/paniers/mon_panier/", headers=bearer(token)).json()
    added = client.post(
        f"/api/paniers/{cart['id']}/ajouter_produit/",
        json={"produit_id": product_id, "quantite": 1},
        headers=bearer(token),
    )
    assert added.status_code in (200, 201), added.text
    return cart["id"]


def _buy(client, token, product_ids):
    for product_id in product_ids:
        cart_id = _add_to_cart(client, token, product_id)
    address = client.post(
        "/api/adresses/",
        json={"nom": "M", "rue": "r", "ville": "Douala", "code_postal": "1", "pays": "CM"},
        headers=bearer(token),
    ).json()
    placed = client.post(
        f"/api/paniers/{cart_id}/valider_panier/",
        json={"adresse_id": address["id"]},
        headers=bearer(token),
    )
    assert placed.status_code == 201, placed.text
    return placed.json()["commande_id"]


def test_carts_and_wishlists_lose_it_and_orders_keep_its_name(client, container):
    _, admin = make_admin(client, container)
    _, alice = make_client(client, container, "alice")
    _, bob = make_client(client, container, "bob")
    category = make_category(client, admin)
    tulip = make_product(client, admin, category, nom="Tulipe")
    lily = make_product(client, admin, category, nom="Lys")
    order_id = _buy(client, bob, [tulip, lily])
    _add_to_cart(client, alice, tulip)
    _add_to_cart(client, alice, lily)
    client.post("/api/wishlist/ajouter_produit/", json={"produit_id": tulip}, headers=bearer(alice))

    deleted = client.delete(f"/api/produits/{tulip}/", headers=bearer(admin))
    assert deleted.status_code == 204, deleted.text
    assert client.get(f"/api/produits/{tulip}/", headers=bearer(admin)).status_code == 404

    cart = client.get("/api/paniers/mon_panier/", headers=bearer(alice)).json()
    assert [item["produit"]["id"] for item in cart["items"]] == [lily]
    assert cart["total"] == 1500.0
    [wishlist] = client.get("/api/wishlist/", headers=bearer(alice)).json()["results"]
    assert wishlist["produits"] == []

    order = client.get(f"/api/commandes/{order_id}/", headers=bearer(bob)).json()
    lines = {line["produit_nom"]: line for line in order["lignes"]}
    assert lines["Tulipe"]["produit"] == {"id": None, "nom": "Tulipe"}
    assert lines["Tulipe"]["prix_unitaire"] == 1500.0 and order["total"] == 3000.0
    assert lines["Lys"]["produit"] == {"id": lily, "nom": "Lys"}
    listed = client.get("/api/lignes-commande/", headers=bearer(admin)).json()["results"]
    assert {line["produit_nom"]: line["produit"]["id"] for line in listed} == {
        "Tulipe": None,
        "Lys": lily,
    }
    # The order can still be cancelled: what still exists goes back to stock.
    cancelled = client.post(f"/api/commandes/{order_id}/cancel/", headers=bearer(bob))
    assert cancelled.status_code == 200, cancelled.text
    assert client.get(f"/api/produits/{lily}/", headers=bearer(admin)).json()["stock"] == 10


def test_a_product_in_a_subscription_cannot_be_deleted(client, container):
    _, admin = make_admin(client, container)
    _, alice = make_client(client, container, "alice")
    rose = make_product(client, admin, make_category(client, admin), nom="Rose")
    photo = upload(client, admin, image_bytes(), rose).json()
    subscribed = client.post(
        "/api/abonnements/",
        json={
            "type": "mensuel",
            "produit_quantites": [{"produit_id": rose, "quantite": 1}],
            "date_debut": "2026-11-24",
        },
        headers=bearer(alice),
    )
    assert subscribed.status_code == 201, subscribed.text
    client.post(f"/api/abonnements/{subscribed.json()['id']}/cancel/", headers=bearer(alice))

    refused = client.delete(f"/api/produits/{rose}/", headers=bearer(admin))
    assert refused.status_code == 409
    body = refused.json()
    assert body["error"].startswith("Produit utilisé par un abonnement") and body["detail"]
    # Nothing half-deleted: the product and its photo (row and file) are still there.
    product = client.get(f"/api/produits/{rose}/", headers=bearer(admin)).json()
    assert [p["image"] for p in product["photos"]] == [photo["image"]]
    stored = photo["image"].removeprefix(f"{container.settings.public_base_url}/media/")
    assert Path(container.settings.media_dir, stored).is_file()
    assert client.delete(f"/api/produits/{rose}/", headers=bearer(alice)).status_code == 403
