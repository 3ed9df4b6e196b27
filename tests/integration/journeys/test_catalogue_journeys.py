"""Journeys S9, S10, S18-S21 of frontend-contract §4: browsing, promotions, admin catalogue.

Left out, the features are not built:
# S24 service CRUD (JSON from FormData) and public view — in test_services_quotes_journeys.py.
# S27 realisation CRUD — in test_services_quotes_journeys.py.
"""

from __future__ import annotations

from typing import Any

from tests.integration.catalogue_helpers import image_bytes
from tests.integration.journeys.catalogue_flows import seed_roses_and_orchids
from tests.integration.journeys.support import Api, around


def _by_id(results: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {row["id"]: row for row in results}


def test_s9_browse_catalogue_and_category_filter_data(api: Api) -> None:
    admin = api.admin()
    seeded = seed_roses_and_orchids(api, admin)

    categories = api.get("/api/categories/")
    assert categories.status_code == 200
    names = {row["id"]: row["nom"] for row in categories.json()["results"]}
    assert names == {seeded.roses: "Roses", seeded.orchids: "Orchidées"}

    products = api.get("/api/produits/").json()
    assert products["count"] == 2 and products["previous"] is None
    for product in products["results"]:
        assert isinstance(product["categorie"], dict) and isinstance(product["photos"], list)
        assert isinstance(product["prix"], int | float)
    # What ProductsPage does locally once "Roses" is picked.
    roses_only = [p["id"] for p in products["results"] if p["categorie"]["id"] == seeded.roses]
    assert roses_only == [seeded.p1]

    garbage = api.get(
        f"/api/produits/?categorie[id]={seeded.roses}&categorie[nom]=Roses"
        "&categorie[is_active]=true&signal=[object AbortSignal]"
    )
    # Issue 12: categorie[id] filters (the client filters locally too, so it sees the same);
    # the other bracket keys and the AbortSignal stay ignored, never a 400.
    assert garbage.status_code == 200 and garbage.json()["count"] == 1
    assert [p["id"] for p in garbage.json()["results"]] == [seeded.p1]
    junk = api.get("/api/produits/?categorie[id]=abc&categorie[nom]=Roses")
    assert junk.status_code == 200 and junk.json()["count"] == 2  # not an id: ignored


def test_s10_product_detail_for_a_brand_new_client(api: Api) -> None:
    admin = api.admin()
    seeded = seed_roses_and_orchids(api, admin)
    detail = api.get(f"/api/produits/{seeded.p1}/")
    assert detail.status_code == 200
    body = detail.json()
    assert body["id"] == seeded.p1 and body["nom"] == "Rose rouge"
    assert body["prix"] == 1500 and body["prix_reduit"] in (None, 1500)
    assert body["photos"] == [] and isinstance(body["description"], str)
    assert body["categorie"]["id"] == seeded.roses and body["stock"] == 5

    _, token = api.new_client("alice")
    cart = api.get("/api/paniers/mon_panier/", token)
    assert cart.status_code == 200 and isinstance(cart.json()["id"], int)
    wishlist = api.get("/api/wishlist/", token)
    assert wishlist.status_code == 200
    results = wishlist.json()["results"]
    assert results == [] or results[0]["produits"] == []


def test_s18_admin_promotion_makes_the_discount_visible(api: Api, clock) -> None:
    admin = api.admin()  # S18.1: POST /api/token/ as the pre-seeded admin
    assert api.me(admin)["role"] == "admin"
    seeded = seed_roses_and_orchids(api, admin)
    assert api.get("/api/categories/", admin).json()["count"] == 2
    assert api.get("/api/produits/?per_page=50", admin).json()["count"] == 2

    start, end = around(clock.now())
    body = {
        "nom": "Printemps",
        "description": "Les roses du printemps",
        "reduction": 20,
        "date_debut": start,
        "date_fin": end,
        "produit_ids": [str(seeded.p1)],
        "categorie_id": None,
    }
    # decisions.md §1 overrides the admin page: reduction is a fraction in [0, 1], so the
    # page's percentage 20 is refused with a message that says so (not silently 2000 %).
    percent = api.post("/api/promotions/", admin, json=body)
    assert percent.status_code == 400 and "reduction" in percent.json()["fields"]
    created = api.post("/api/promotions/", admin, json={**body, "reduction": 0.2})
    assert created.status_code == 201, created.text

    listed = api.get("/api/promotions/?page=1&per_page=10", admin).json()
    assert listed["count"] == 1
    promotion = listed["results"][0]
    assert promotion["nom"] == "Printemps" and promotion["reduction"] == 0.2
    assert promotion["date_debut"].endswith("Z") and promotion["date_fin"].endswith("Z")
    (linked,) = promotion["produits"]
    assert linked["id"] == seeded.p1 and linked["nom"] == "Rose rouge"
    assert linked["prix"] == 1500 and linked["prix_reduit"] == 1200 and linked["photos"] == []

    detail = api.get(f"/api/produits/{seeded.p1}/").json()
    assert detail["prix_reduit"] == round(detail["prix"] * 0.8, 2) < detail["prix"]
    public = _by_id(api.get("/api/produits/").json()["results"])
    assert public[seeded.p1]["prix_reduit"] == 1200
    assert public[seeded.p2]["prix_reduit"] in (None, public[seeded.p2]["prix"])

    home = api.get("/api/promotions/").json()["results"][0]  # HomePage shape (S1.6)
    assert {"id", "nom", "description"} <= home.keys() and home["produits"][0]["id"] == seeded.p1


def test_s19_category_promotion_status_filter_edit_and_delete(api: Api, clock) -> None:
    admin = api.admin()
    seeded = seed_roses_and_orchids(api, admin)
    start, end = around(clock.now())
    body = {
        "nom": "Orchidées en fête",
        "description": "Toute la catégorie",
        "reduction": 0.25,
        "date_debut": start,
        "date_fin": end,
        "produit_ids": [],
        "categorie_id": seeded.orchids,
    }
    created = api.post("/api/promotions/", admin, json=body)
    assert created.status_code == 201, created.text
    promotion_id = created.json()["id"]
    assert api.get(f"/api/produits/{seeded.p2}/").json()["prix_reduit"] == 1500  # 2000 × 0.75

    active = api.get("/api/promotions/?status=active", admin).json()["results"]
    expired = api.get("/api/promotions/?status=expired", admin).json()["results"]
    assert promotion_id in [p["id"] for p in active]
    assert promotion_id not in [p["id"] for p in expired]

    edited = api.put(
        f"/api/promotions/{promotion_id}/",
        admin,
        json={**body, "reduction": 0.1, "produit_ids": [seeded.p2], "categorie_id": None},
    )
    assert edited.status_code == 200, edited.text
    assert api.get(f"/api/produits/{seeded.p2}/").json()["prix_reduit"] == 1800

    assert api.delete(f"/api/promotions/{promotion_id}/", admin).status_code == 204
    after = api.get(f"/api/produits/{seeded.p2}/").json()
    assert after["prix_reduit"] in (None, after["prix"])


def test_s20_admin_category_crud(api: Api) -> None:
    admin = api.admin()
    created = api.post("/api/categories/", admin, json={"nom": "Tulipes", "is_active": True})
    assert created.status_code == 201
    category_id = created.json()["id"]
    found = api.get("/api/categories/?page=1&per_page=10&search=Tulip", admin).json()
    assert found["count"] >= 1
    row = _by_id(found["results"])[category_id]
    assert row["nom"] == "Tulipes" and row["is_active"] is True and row["date_creation"]

    edited = api.put(
        f"/api/categories/{category_id}/",
        admin,
        json={"nom": "Tulipes rouges", "is_active": "false"},
    )
    assert edited.status_code == 200, edited.text
    hidden = api.get("/api/categories/?is_active=false", admin).json()["results"]
    assert [c["nom"] for c in hidden if c["id"] == category_id] == ["Tulipes rouges"]
    assert category_id not in _by_id(api.get("/api/categories/").json()["results"])

    assert api.delete(f"/api/categories/{category_id}/", admin).status_code == 204
    assert api.get(f"/api/categories/{category_id}/", admin).status_code == 404


def test_s21_admin_product_crud_with_a_photo(api: Api) -> None:
    admin = api.admin()
    category = api.category(admin, "Bouquets")
    form = {
        "nom": "Bouquet",
        "prix": "15000",
        "stock": 10,
        "is_active": True,
        "categorie_id": str(category),
        "description": "Un bouquet du jour",
        "promotions": [],
    }
    created = api.post("/api/produits/", admin, json=form)
    assert created.status_code == 201, created.text
    product_id = created.json()["id"]

    photo = api.post(
        "/api/photos/",
        admin,
        files={"image": ("bouquet.png", image_bytes("PNG"), "image/png")},
        data={"entity_type": "produit", "entity_id": str(product_id)},
    )
    assert photo.status_code == 201, photo.text
    image_url = photo.json()["image"]
    assert image_url.startswith("http://testserver.local/media/")
    fetched = api.get(image_url.removeprefix("http://testserver.local"))
    assert fetched.status_code == 200 and fetched.headers["content-type"].startswith("image/")

    found = api.get("/api/produits/?page=1&per_page=10&search=Bouquet", admin).json()
    assert found["count"] == 1
    row = found["results"][0]
    assert row["id"] == product_id and row["prix"] == 15000 and row["stock"] == 10
    assert row["is_active"] is True and row["categorie"] == {"id": category, "nom": "Bouquets"}
    assert row["description"] == "Un bouquet du jour" and row["promotions"] == []
    (listed_photo,) = row["photos"]
    assert listed_photo["id"] == photo.json()["id"] and listed_photo["image"] == image_url
    assert listed_photo["uploaded_at"].endswith("Z")

    assert (
        api.put(f"/api/produits/{product_id}/", admin, json={**form, "stock": 3}).status_code == 200
    )
    assert api.get(f"/api/produits/{product_id}/").json()["stock"] == 3

    assert api.delete(f"/api/photos/{photo.json()['id']}/", admin).status_code == 204
    assert api.get(f"/api/produits/{product_id}/", admin).json()["photos"] == []

    api.put(f"/api/produits/{product_id}/", admin, json={**form, "is_active": "false"})
    inactive = api.get("/api/produits/?is_active=false", admin).json()["results"]
    active = api.get("/api/produits/?is_active=true", admin).json()["results"]
    assert [p["id"] for p in inactive] == [product_id] and active == []
    assert api.get(f"/api/produits/{product_id}/").status_code == 404  # hidden from the public

    assert api.delete(f"/api/produits/{product_id}/", admin).status_code == 204
    assert api.get(f"/api/produits/{product_id}/", admin).status_code == 404
