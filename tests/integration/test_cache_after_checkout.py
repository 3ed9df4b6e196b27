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


def test_after_a_checkout_a_cached_page_reads_only_the_stock_it_shows(client, container, engine):
    from tests.integration.test_checkout_statement_counts import counting

    category = add_category(engine)
    rose = add_product(engine, category, "Rose", "1000.00", stock=10)
    add_product(engine, category, "Tulipe", "800.00", stock=7)
    _, buyer = make_client(client, container, "acheteur")
    page = client.get("/api/produits/").json()
    detail = client.get(f"/api/produits/{rose}/").json()

    _buy(client, buyer, rose, 3)

    sqlite_begin = 1 if engine.dialect.name == "sqlite" else 0
    with counting(engine) as counts:
        after = client.get("/api/produits/").json()
    # The stock of the page's products, not the whole page again (7 statements).
    assert counts["statements"] == 1 + sqlite_begin
    with counting(engine) as counts:
        assert client.get(f"/api/produits/{rose}/").json() == {**detail, "stock": 7}
        again = client.get("/api/produits/").json()
    assert counts["statements"] == 0  # the new level is known in this process now
    assert again == after
    assert after == {
        **page,
        "results": [{**p, "stock": 7} if p["id"] == rose else p for p in page["results"]],
    }


def test_an_admin_stock_edit_moves_that_product_stock_version(client, container, engine):
    from chezflora.application.read_cache import stock_namespace
    from tests.integration.helpers import make_admin

    category = add_category(engine)
    rose = add_product(engine, category, "Rose", "1000.00", stock=10)
    _, admin = make_admin(client, container)
    before = container.read_cache.version(stock_namespace(rose))
    edited = client.patch(f"/api/produits/{rose}/", json={"stock": 3}, headers=bearer(admin))
    assert edited.status_code == 200, edited.text
    # The stock levels kept per process are read again, not only the catalogue's pages.
    assert container.read_cache.version(stock_namespace(rose)) > before
    assert client.get(f"/api/produits/{rose}/").json()["stock"] == 3
