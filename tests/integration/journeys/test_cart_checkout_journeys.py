"""Journeys S11-S17 of frontend-contract §4: cart, stock guard, checkout, cancel, wishlist."""

from __future__ import annotations

from tests.integration.journeys.catalogue_flows import seed_roses_and_orchids
from tests.integration.journeys.support import ADDRESS, Api


def test_s11_cart_add_update_and_remove(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    cart_id = api.cart(token)["id"]
    path = f"/api/paniers/{cart_id}"

    added = api.post(
        f"{path}/ajouter_produit/", token, json={"produit_id": seeded.p1, "quantite": 2}
    )
    assert added.status_code == 201, added.text
    cart = api.cart(token)
    (item,) = cart["items"]
    assert isinstance(item["id"], int) and item["quantite"] == 2
    product = item["produit"]
    assert product["id"] == seeded.p1 and product["nom"] == "Rose rouge"
    assert product["prix"] == 1500 and product["photos"] == []
    assert cart["total"] == 2 * (product["prix_reduit"] or product["prix"]) == 3000

    navbar = api.get("/api/paniers", token)  # NavBar badge: no trailing slash
    assert navbar.status_code == 200 and len(navbar.json()["results"][0]["items"]) == 1

    # Form-ish strings, as a <select> hands them over.
    changed = api.post(
        f"{path}/modifier_quantite/", token, json={"produit_id": str(seeded.p1), "quantite": "3"}
    )
    assert changed.status_code == 200, changed.text
    assert api.cart(token)["items"][0]["quantite"] == 3

    removed = api.post(f"{path}/supprimer_produit/", token, json={"produit_id": seeded.p1})
    assert removed.status_code == 200
    assert api.cart(token)["items"] == []


def test_s12_stock_guard(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin(), p1_stock=5)
    _, token = api.new_client("alice")
    path = f"/api/paniers/{api.cart(token)['id']}"
    # decisions.md §1 answers 409 for stock conflicts where the journey recommends 400.
    too_many = api.post(
        f"{path}/ajouter_produit/", token, json={"produit_id": seeded.p1, "quantite": 6}
    )
    assert too_many.status_code == 409 and too_many.json()["error"] == "Stock insuffisant"
    assert api.cart(token)["items"] == []

    api.post(f"{path}/ajouter_produit/", token, json={"produit_id": seeded.p1, "quantite": 5})
    above = api.post(
        f"{path}/modifier_quantite/", token, json={"produit_id": seeded.p1, "quantite": 6}
    )
    assert above.status_code == 409 and isinstance(above.json()["error"], str)
    assert api.cart(token)["items"][0]["quantite"] == 5


def test_s13_checkout_with_a_new_address_then_history(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    cart_id = api.cart(token)["id"]
    api.post(
        f"/api/paniers/{cart_id}/ajouter_produit/",
        token,
        json={"produit_id": seeded.p1, "quantite": 2},
    )
    unit = api.cart(token)["items"][0]["produit"]
    unit_price = unit["prix_reduit"] or unit["prix"]
    assert api.get("/api/adresses/", token).json()["results"] == []

    address = api.post("/api/adresses/", token, json=ADDRESS)
    assert address.status_code == 201, address.text
    assert {key: address.json()[key] for key in ADDRESS} == ADDRESS
    placed = api.post(
        f"/api/paniers/{cart_id}/valider_panier/",
        token,
        json={"adresse_id": str(address.json()["id"])},
    )
    assert placed.status_code == 201, placed.text

    orders = api.get("/api/commandes/", token).json()
    order = orders["results"][0]
    assert orders["count"] == 1 and order["date"].endswith("Z")
    assert order["statut"] == "en_attente" and order["total"] == 2 * unit_price
    (line,) = order["lignes"]
    assert line["produit_nom"] == "Rose rouge" and line["quantite"] == 2
    assert line["prix_unitaire"] == unit_price and isinstance(line["id"], int)
    assert order["paiement"] is None or isinstance(order["paiement"]["type_transaction"], str)

    assert api.cart(token)["items"] == []
    assert api.get(f"/api/produits/{seeded.p1}/").json()["stock"] == 3


def test_s14_checkout_errors(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    cart_id = api.cart(token)["id"]
    address_id = api.post("/api/adresses/", token, json=ADDRESS).json()["id"]

    empty = api.post(
        f"/api/paniers/{cart_id}/valider_panier/", token, json={"adresse_id": address_id}
    )
    assert empty.status_code == 400 and isinstance(empty.json()["error"], str)

    api.post(
        f"/api/paniers/{cart_id}/ajouter_produit/",
        token,
        json={"produit_id": seeded.p1, "quantite": 1},
    )
    no_address = api.post(f"/api/paniers/{cart_id}/valider_panier/", token, json={})
    assert no_address.status_code == 400 and isinstance(no_address.json()["error"], str)
    assert len(api.cart(token)["items"]) == 1  # nothing half-done
    assert api.get(f"/api/produits/{seeded.p1}/").json()["stock"] == 5


def test_s15_client_cancels_an_order(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    order_id = api.checkout(token, seeded.p1, 2)

    # OrdersPage's bare axios call sends {}.
    cancelled = api.post(f"/api/commandes/{order_id}/cancel/", token, json={})
    assert cancelled.status_code == 200, cancelled.text
    mine = {o["id"]: o for o in api.get("/api/commandes/", token).json()["results"]}
    assert mine[order_id]["statut"] == "annulee"
    assert api.get(f"/api/produits/{seeded.p1}/").json()["stock"] == 5  # restored

    # decisions.md §4: an illegal transition is 409 where the journey recommends 400.
    again = api.post(f"/api/commandes/{order_id}/cancel/", token, json={})
    assert again.status_code == 409 and isinstance(again.json()["error"], str)

    _, other = api.new_client("bob")
    stranger = api.post(f"/api/commandes/{order_id}/cancel/", other, json={})
    assert stranger.status_code in (403, 404)
    other_order = api.checkout(other, seeded.p2, 1)
    foreign = api.post(f"/api/commandes/{other_order}/cancel/", token, json={})
    assert foreign.status_code in (403, 404)
    assert api.get("/api/commandes/", other).json()["results"][0]["statut"] == "en_attente"


def test_s16_wishlist_add_and_remove(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    added = api.post("/api/wishlist/ajouter_produit/", token, json={"produit_id": seeded.p1})
    assert added.status_code == 200, added.text

    wishlist = api.get("/api/wishlist/", token).json()
    (product,) = wishlist["results"][0]["produits"]
    assert product["id"] == seeded.p1 and product["nom"] == "Rose rouge"
    assert product["prix"] == 1500 and product["photos"] == [] and product["description"]
    assert product["categorie"] == {"id": seeded.roses, "nom": "Roses"}

    # The product page always offers "add" (string vs integer id compare): idempotent.
    twice = api.post("/api/wishlist/ajouter_produit/", token, json={"produit_id": str(seeded.p1)})
    assert twice.status_code == 200
    assert len(api.get("/api/wishlist/", token).json()["results"][0]["produits"]) == 1

    removed = api.post("/api/wishlist/supprimer_produit/", token, json={"produit_id": seeded.p1})
    assert removed.status_code == 200
    results = api.get("/api/wishlist/", token).json()["results"]
    assert results == [] or results[0]["produits"] == []


def test_s17_wishlist_to_cart(api: Api) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    api.post("/api/wishlist/ajouter_produit/", token, json={"produit_id": seeded.p2})
    wished = api.get("/api/wishlist/", token).json()["results"][0]["produits"][0]
    cart_id = api.cart(token)["id"]
    moved = api.post(
        f"/api/paniers/{cart_id}/ajouter_produit/",
        token,
        json={"produit_id": wished["id"], "quantite": 1},
    )
    assert moved.status_code == 201, moved.text
    assert [i["produit"]["id"] for i in api.cart(token)["items"]] == [seeded.p2]
