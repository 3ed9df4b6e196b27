"""Deleting an account erases personal data everywhere, ends deliveries, and never the last admin."""

from __future__ import annotations

from tests.integration.helpers import PASSWORD, bearer, make_admin, make_client
from tests.integration.rows import add_category, add_product

ADDRESS = {
    "nom": "Maison",
    "rue": "12 rue des Palmiers",
    "ville": "Douala",
    "code_postal": "00237",
    "pays": "Cameroun",
    "is_default": True,
}


def test_deleting_an_account_erases_addresses_cart_wishlist_and_ends_subscriptions(
    client, container, clock
):
    product = add_product(container.engine, add_category(container.engine), stock=20)
    _, token = make_client(client, container, "nadia")
    _, admin = make_admin(client, container)
    me = bearer(token)
    cart = client.get("/api/paniers/mon_panier/", headers=me).json()["id"]
    assert (
        client.post(
            f"/api/paniers/{cart}/ajouter_produit/",
            json={"produit_id": product, "quantite": 2},
            headers=me,
        ).status_code
        == 201
    )
    address = client.post("/api/adresses/", json=ADDRESS, headers=me).json()["id"]
    order = client.post(
        f"/api/paniers/{cart}/valider_panier/", json={"adresse_id": address}, headers=me
    )
    assert order.status_code == 201
    client.post("/api/wishlist/ajouter_produit/", json={"produit_id": product}, headers=me)
    client.post(
        f"/api/paniers/{cart}/ajouter_produit/",
        json={"produit_id": product, "quantite": 1},
        headers=me,
    )
    today = clock.now().date().isoformat()
    subscription = client.post(
        "/api/abonnements/",
        json={
            "type": "mensuel",
            "produit_quantites": [{"produit_id": product, "quantite": 1}],
            "date_debut": today,
        },
        headers=me,
    ).json()["id"]

    assert client.delete("/api/utilisateurs/me/", headers=me).status_code == 204

    assert client.get(f"/api/adresses/{address}/", headers=bearer(admin)).status_code == 404
    carts = client.get("/api/paniers/", headers=bearer(admin)).json()["results"]
    assert all(c["items"] == [] for c in carts if c["id"] == cart)
    wishlists = client.get("/api/wishlist/", headers=bearer(admin)).json()["results"]
    assert all(w["produits"] == [] for w in wishlists)
    ended = client.get(f"/api/abonnements/{subscription}/", headers=bearer(admin)).json()
    assert ended["is_active"] is False
    kept = client.get(
        f"/api/commandes/{order.json()['commande_id']}/", headers=bearer(admin)
    ).json()
    assert kept["client"]["username"].startswith("supprime-") and kept["adresse"] is None


def test_the_last_active_admin_can_be_neither_deleted_nor_demoted(client, container):
    admin_id, admin = make_admin(client, container)
    refused = client.delete(f"/api/utilisateurs/{admin_id}/", headers=bearer(admin))
    assert refused.status_code == 409
    demoted = client.put(
        f"/api/utilisateurs/{admin_id}/", json={"role": "client"}, headers=bearer(admin)
    )
    assert demoted.status_code == 409
    assert client.delete("/api/utilisateurs/me/", headers=bearer(admin)).status_code == 409
    second = client.post(
        "/api/utilisateurs/",
        json={
            "username": "adjoint",
            "email": "adjoint@chezflora.cm",
            "password": PASSWORD,
            "role": "admin",
        },
        headers=bearer(admin),
    )
    assert second.status_code == 201
    assert client.delete(f"/api/utilisateurs/{admin_id}/", headers=bearer(admin)).status_code == 204
