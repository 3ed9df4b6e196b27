"""One product photo, one absolute URL: the catalogue, the cart, the wishlist and the
subscription basket all build it with the storage's `url`."""

from __future__ import annotations

from tests.integration.catalogue_helpers import image_bytes, make_category, make_product, upload
from tests.integration.helpers import bearer, make_admin, make_client


def test_a_photo_has_the_same_url_everywhere(client, container):
    _, admin = make_admin(client, container)
    _, alice = make_client(client, container, "alice")
    product = make_product(client, admin, make_category(client, admin))
    uploaded = upload(client, admin, image_bytes(), product)
    assert uploaded.status_code == 201, uploaded.text
    url = uploaded.json()["image"]
    assert url.startswith("http://testserver.local/media/")
    served = client.get(url.removeprefix("http://testserver.local"))
    assert served.status_code == 200 and served.content[:2] == b"\xff\xd8"  # re-encoded JPEG

    listed = client.get("/api/produits/", headers=bearer(alice)).json()["results"]
    [card] = [p for p in listed if p["id"] == product]
    assert [p["image"] for p in card["photos"]] == [url]

    cart = client.get("/api/paniers/mon_panier/", headers=bearer(alice)).json()
    added = client.post(
        f"/api/paniers/{cart['id']}/ajouter_produit/",
        json={"produit_id": product, "quantite": 1},
        headers=bearer(alice),
    )
    assert added.status_code in (200, 201), added.text
    cart = client.get("/api/paniers/mon_panier/", headers=bearer(alice)).json()
    assert [p["image"] for p in cart["items"][0]["produit"]["photos"]] == [url]

    wished = client.post(
        "/api/wishlist/ajouter_produit/", json={"produit_id": product}, headers=bearer(alice)
    )
    assert wished.status_code == 200, wished.text
    [wishlist] = client.get("/api/wishlist/", headers=bearer(alice)).json()["results"]
    assert [p["image"] for p in wishlist["produits"][0]["photos"]] == [url]

    subscribed = client.post(
        "/api/abonnements/",
        json={
            "type": "mensuel",
            "produit_quantites": [{"produit_id": product, "quantite": 1}],
            "date_debut": "2026-11-24",
        },
        headers=bearer(alice),
    )
    assert subscribed.status_code == 201, subscribed.text
    [line] = subscribed.json()["abonnement_produits"]
    assert [p["image"] for p in line["produit"]["photos"]] == [url]
    [listed_subscription] = client.get("/api/abonnements/", headers=bearer(alice)).json()["results"]
    assert listed_subscription["abonnement_produits"][0]["produit"]["photos"][0]["image"] == url
