"""The shopping journeys of frontend-contract §4 (S10-S17, S32, S33) on a real database."""

from __future__ import annotations

from tests.integration.helpers import bearer, make_admin, make_client, outbox_messages
from tests.integration.rows import add_category, add_product, add_promotion, stock_of

ADDRESS = {
    "nom": "Maison",
    "rue": "1 rue X",
    "ville": "Yaoundé",
    "code_postal": "00237",
    "pays": "Cameroun",
}


def _cart(client, token):
    response = client.get("/api/paniers/mon_panier/", headers=bearer(token))
    assert response.status_code == 200, response.text
    return response.json()


def test_cart_add_change_remove_and_prices_shown(client, container, engine):
    category = add_category(engine)
    rose = add_product(engine, category, "Rose rouge", "1500.00", stock=5)
    add_promotion(engine, "Printemps", "0.2", product_ids=(rose,))
    add_promotion(engine, "Petite", "0.1", category_id=category)
    _, token = make_client(client, container, "awa")
    cart = _cart(client, token)
    assert cart["items"] == [] and cart["total"] == 0

    added = client.post(
        f"/api/paniers/{cart['id']}/ajouter_produit/",
        json={"produit_id": str(rose), "quantite": 2},
        headers=bearer(token),
    )
    assert added.status_code == 201, added.text
    cart = _cart(client, token)
    item = cart["items"][0]
    assert item["quantite"] == 2
    # The best single reduction (20 %), not stacked: 1500 × 0.8 = 1200.
    assert item["produit"]["prix"] == 1500.0 and item["produit"]["prix_reduit"] == 1200.0
    assert item["produit"]["photos"] == [] and cart["total"] == 2400.0
    listed = client.get("/api/paniers", headers=bearer(token)).json()
    assert listed["count"] == 1 and len(listed["results"][0]["items"]) == 1

    path = f"/api/paniers/{cart['id']}"
    too_many = client.post(
        f"{path}/ajouter_produit/", json={"produit_id": rose, "quantite": 4}, headers=bearer(token)
    )
    assert too_many.status_code == 409 and too_many.json()["error"] == "Stock insuffisant"
    for bad in (0, -1, "deux", 1.5):
        refused = client.post(
            f"{path}/ajouter_produit/",
            json={"produit_id": rose, "quantite": bad},
            headers=bearer(token),
        )
        assert refused.status_code == 400, (bad, refused.text)
        assert "error" in refused.json()
    assert stock_of(engine, rose) == 5  # adding reserves nothing

    changed = client.post(
        f"{path}/modifier_quantite/",
        json={"produit_id": rose, "quantite": 3},
        headers=bearer(token),
    )
    assert changed.status_code == 200 and changed.json()["quantite"] == 3
    above = client.post(
        f"{path}/modifier_quantite/",
        json={"produit_id": rose, "quantite": 6},
        headers=bearer(token),
    )
    assert above.status_code == 409 and "error" in above.json()
    removed = client.post(
        f"{path}/supprimer_produit/", json={"produit_id": rose}, headers=bearer(token)
    )
    assert removed.status_code == 200 and _cart(client, token)["items"] == []
    missing = client.post(
        f"{path}/supprimer_produit/", json={"produit_id": rose}, headers=bearer(token)
    )
    assert missing.status_code == 404


def test_checkout_order_history_cancel_and_stock(client, container, engine):
    category = add_category(engine)
    rose = add_product(engine, category, "Rose rouge", "1500.00", stock=5)
    _, token = make_client(client, container, "binta")
    cart = _cart(client, token)
    path = f"/api/paniers/{cart['id']}"

    empty = client.post(f"{path}/valider_panier/", json={"adresse_id": 1}, headers=bearer(token))
    assert empty.status_code == 400 and empty.json()["error"] == "Panier vide"
    client.post(
        f"{path}/ajouter_produit/", json={"produit_id": rose, "quantite": 2}, headers=bearer(token)
    )
    assert client.get("/api/adresses/", headers=bearer(token)).json()["results"] == []
    created = client.post("/api/adresses/", json=ADDRESS, headers=bearer(token))
    assert created.status_code == 201, created.text
    address = created.json()
    assert {k: address[k] for k in ADDRESS} == ADDRESS and address["client"]["username"] == "binta"

    no_address = client.post(f"{path}/valider_panier/", json={}, headers=bearer(token))
    assert no_address.status_code == 400 and "error" in no_address.json()
    placed = client.post(
        f"{path}/valider_panier/", json={"adresse_id": address["id"]}, headers=bearer(token)
    )
    assert placed.status_code == 201, placed.text
    assert placed.json()["status"] == "Commande créée et paiement simulé"
    assert stock_of(engine, rose) == 3
    assert _cart(client, token)["items"] == []

    orders = client.get("/api/commandes/", headers=bearer(token)).json()
    order = orders["results"][0]
    assert order["id"] == placed.json()["commande_id"]
    assert order["statut"] == "en_attente" and order["total"] == 3000.0
    line = order["lignes"][0]
    assert line["produit_nom"] == "Rose rouge" and line["produit"] == {
        "id": rose,
        "nom": "Rose rouge",
    }
    assert line["quantite"] == 2 and line["prix_unitaire"] == 1500.0
    assert order["paiement"]["type_transaction"] == "commande"
    assert order["paiement"]["statut"] == "simule" and order["paiement"]["montant"] == 3000.0
    assert order["adresse"]["ville"] == "Yaoundé"
    subjects = [m["Subject"] for m in outbox_messages(container)]
    assert any("Confirmation de votre commande" in s for s in subjects)

    cancelled = client.post(f"/api/commandes/{order['id']}/cancel/", json={}, headers=bearer(token))
    assert cancelled.status_code == 200, cancelled.text
    assert (
        client.get(f"/api/commandes/{order['id']}/", headers=bearer(token)).json()["statut"]
        == "annulee"
    )
    assert stock_of(engine, rose) == 5
    again = client.post(f"/api/commandes/{order['id']}/cancel/", headers=bearer(token))
    assert again.status_code == 409 and "error" in again.json()
    assert stock_of(engine, rose) == 5  # restored exactly once
    payment = client.get("/api/paiements/", headers=bearer(token)).json()["results"][0]
    assert payment["statut"] == "echec"
    assert any("Annulation" in m["Subject"] for m in outbox_messages(container))


def test_admin_workflow_payments_refund_stats_and_exports(client, container, engine):
    category = add_category(engine)
    tulip = add_product(engine, category, "Tulipe", "1000.00", stock=10)
    _, token = make_client(client, container, "chantal")
    _, admin = make_admin(client, container)
    cart = _cart(client, token)
    client.post(
        f"/api/paniers/{cart['id']}/ajouter_produit/",
        json={"produit_id": tulip, "quantite": 3},
        headers=bearer(token),
    )
    address = client.post("/api/adresses/", json=ADDRESS, headers=bearer(token)).json()
    order_id = client.post(
        f"/api/paniers/{cart['id']}/valider_panier/",
        json={"adresse_id": address["id"]},
        headers=bearer(token),
    ).json()["commande_id"]

    listed = client.get(
        "/api/commandes/?page=1&per_page=10&statut=en_attente", headers=bearer(admin)
    ).json()
    assert listed["count"] == 1 and listed["results"][0]["client"]["username"] == "chantal"
    lines = client.get("/api/lignes-commande/?page=1&per_page=10", headers=bearer(admin)).json()
    assert lines["results"][0]["commande"] == order_id
    assert lines["results"][0]["produit"] == {"id": tulip, "nom": "Tulipe"}

    # Illegal jump, then clients may not move the status, then the admin workflow.
    assert (
        client.patch(
            f"/api/commandes/{order_id}/", json={"statut": "livree"}, headers=bearer(admin)
        ).status_code
        == 409
    )
    assert (
        client.patch(
            f"/api/commandes/{order_id}/", json={"statut": "en_cours"}, headers=bearer(token)
        ).status_code
        == 403
    )
    assert (
        client.patch(
            f"/api/commandes/{order_id}/", json={"total": 1}, headers=bearer(token)
        ).status_code
        == 400
    )
    assert (
        client.patch(
            f"/api/commandes/{order_id}/", json={"statut": "rien"}, headers=bearer(admin)
        ).status_code
        == 400
    )

    payments = client.get("/api/paiements/?page=1&per_page=10", headers=bearer(admin)).json()
    payment = payments["results"][0]
    assert payment["montant"] == 3000.0 and payment["statut"] == "simule"
    assert "methode_paiement" in payment
    simulated = client.post(f"/api/paiements/{payment['id']}/simuler/", headers=bearer(admin))
    assert simulated.status_code == 200 and simulated.json()["statut"] == "effectue"
    assert (
        client.get(f"/api/commandes/{order_id}/", headers=bearer(admin)).json()["statut"]
        == "en_cours"
    )
    assert (
        client.post(f"/api/paiements/{payment['id']}/simuler/", headers=bearer(admin)).status_code
        == 409
    )

    revenue = client.get("/api/commandes/revenue/?days=7", headers=bearer(admin)).json()
    assert revenue["total_revenue"] == 3000.0 and len(revenue["revenue_by_day"]) == 7
    assert revenue["revenue_by_day"][-1]["total"] == 3000.0
    assert revenue["revenue_by_status"] == [{"statut": "en_cours", "total": 3000.0}]

    assert (
        client.post(
            f"/api/paiements/{payment['id']}/rembourser/", headers=bearer(token)
        ).status_code
        == 403
    )
    refunded = client.post(f"/api/paiements/{payment['id']}/rembourser/", headers=bearer(admin))
    assert refunded.status_code == 200 and refunded.json()["statut"] == "rembourse"
    assert (
        client.get(f"/api/commandes/{order_id}/", headers=bearer(admin)).json()["statut"]
        == "annulee"
    )
    assert stock_of(engine, tulip) == 10
    assert client.get("/api/commandes/revenue/", headers=bearer(admin)).json()["total_revenue"] == 0
    assert any("Remboursement" in m["Subject"] for m in outbox_messages(container))

    stats = client.get("/api/paiements/stats/?days=30", headers=bearer(admin)).json()
    assert set(stats["global"]) == {
        "total_paiements",
        "total_montant",
        "avg_montant",
        "max_montant",
        "min_montant",
        "success_rate",
        "avg_delay_days",
    }
    assert stats["global"]["total_paiements"] == 1 and stats["global"]["total_montant"] == 3000.0
    assert set(stats["last_30_days"]) == {"total_paiements", "total_montant", "by_day"}
    assert stats["by_status"] == [{"status": "rembourse", "count": 1, "total": 3000.0}]
    for key in ("by_type_transaction", "by_method", "top_clients", "by_month_last_year", "by_year"):
        assert isinstance(stats[key], list)

    orders_csv = client.get("/api/commandes/export/", headers=bearer(admin))
    assert orders_csv.status_code == 200 and orders_csv.headers["content-type"].startswith(
        "text/csv"
    )
    assert orders_csv.text.splitlines()[0].startswith("Numéro,Date,Client")
    assert "chantal" in orders_csv.text
    payments_csv = client.get("/api/paiements/export/", headers=bearer(admin))
    assert payments_csv.status_code == 200 and "Montant (FCFA)" in payments_csv.text
    assert client.get("/api/paiements/export/", headers=bearer(token)).status_code == 403
    assert client.get("/api/paiements/stats/", headers=bearer(token)).status_code == 403


def test_addresses_default_and_partial_put(client, container):
    _, token = make_client(client, container, "dora")
    first = client.post(
        "/api/adresses/", json={**ADDRESS, "is_default": "true"}, headers=bearer(token)
    ).json()
    second = client.post(
        "/api/adresses/",
        json={**ADDRESS, "nom": "Bureau", "is_default": True},
        headers=bearer(token),
    ).json()
    listed = client.get("/api/adresses/", headers=bearer(token)).json()["results"]
    assert [a["id"] for a in listed if a["is_default"]] == [second["id"]]
    updated = client.put(
        f"/api/adresses/{first['id']}/", json={"ville": "Douala"}, headers=bearer(token)
    )
    assert updated.status_code == 200 and updated.json()["ville"] == "Douala"
    assert updated.json()["nom"] == "Maison"
    blank = client.patch(
        f"/api/adresses/{first['id']}/", json={"ville": "  "}, headers=bearer(token)
    )
    assert blank.status_code == 400 and "ville" in blank.json()["fields"]
    missing = client.post("/api/adresses/", json={"nom": "X"}, headers=bearer(token))
    assert missing.status_code == 400 and "rue" in missing.json()["fields"]
    unknown = client.post("/api/adresses/", json={**ADDRESS, "client": 3}, headers=bearer(token))
    assert unknown.status_code == 400
    assert client.delete(f"/api/adresses/{first['id']}/", headers=bearer(token)).status_code == 204
    assert client.get(f"/api/adresses/{first['id']}/", headers=bearer(token)).status_code == 404


def test_wishlist_add_is_idempotent_and_remove(client, container, engine):
    category = add_category(engine, "Orchidées")
    orchid = add_product(engine, category, "Orchidée", "5000.00")
    _, token = make_client(client, container, "emma")
    assert client.get("/api/wishlist/", headers=bearer(token)).json()["results"] == []
    for _ in range(2):
        added = client.post(
            "/api/wishlist/ajouter_produit/", json={"produit_id": orchid}, headers=bearer(token)
        )
        assert added.status_code == 200, added.text
    wishlist = client.get("/api/wishlist/", headers=bearer(token)).json()["results"][0]
    assert [p["id"] for p in wishlist["produits"]] == [orchid]
    product = wishlist["produits"][0]
    assert (
        product["categorie"] == {"id": category, "nom": "Orchidées"} and product["prix"] == 5000.0
    )
    assert (
        client.post("/api/wishlist/ajouter_produit/", json={}, headers=bearer(token)).status_code
        == 400
    )
    assert (
        client.post(
            "/api/wishlist/ajouter_produit/", json={"produit_id": 999999}, headers=bearer(token)
        ).status_code
        == 404
    )
    removed = client.post(
        "/api/wishlist/supprimer_produit/", json={"produit_id": orchid}, headers=bearer(token)
    )
    assert removed.status_code == 200
    assert (
        client.get("/api/wishlist/", headers=bearer(token)).json()["results"][0]["produits"] == []
    )
    again = client.post(
        "/api/wishlist/supprimer_produit/", json={"produit_id": orchid}, headers=bearer(token)
    )
    assert again.status_code == 400 and again.json()["error"] == "Produit non dans la wishlist."


def test_item_answers_are_the_lines_the_cart_shows_and_201_only_for_a_new_line(
    client, container, engine
):
    """Answers are built from the write's own reads: they must equal a fresh read of the cart."""
    from tests.integration.rows import add_photo

    category = add_category(engine)
    rose = add_product(engine, category, "Rose", "1500.00", stock=10)
    add_photo(engine, rose)
    add_promotion(engine, "Soldes", "0.2", product_ids=(rose,))
    _, token = make_client(client, container, "binta")
    cart_id = _cart(client, token)["id"]
    path = f"/api/paniers/{cart_id}"
    body = {"produit_id": rose, "quantite": 1}
    created = client.post(f"{path}/ajouter_produit/", json=body, headers=bearer(token))
    assert created.status_code == 201, created.text
    assert created.json() == _cart(client, token)["items"][0]
    more = client.post(f"{path}/ajouter_produit/", json=body, headers=bearer(token))
    assert more.status_code == 200 and more.json()["quantite"] == 2
    assert more.json() == _cart(client, token)["items"][0]
    changed = client.post(
        f"{path}/modifier_quantite/",
        json={"produit_id": rose, "quantite": 5},
        headers=bearer(token),
    )
    assert changed.status_code == 200 and changed.json() == _cart(client, token)["items"][0]


def test_an_inactive_product_in_the_cart_fails_checkout_naming_it(client, container, engine):
    import sqlalchemy as sa

    from chezflora.adapters.sqlalchemy.tables.catalogue import products

    category = add_category(engine)
    rose = add_product(engine, category, "Rose", "1500.00", stock=10)
    tulip = add_product(engine, category, "Tulipe", "900.00", stock=10)
    _, token = make_client(client, container, "coumba")
    cart_id = _cart(client, token)["id"]
    for product in (rose, tulip):
        client.post(
            f"/api/paniers/{cart_id}/ajouter_produit/",
            json={"produit_id": product},
            headers=bearer(token),
        )
    with engine.begin() as conn:
        conn.execute(sa.update(products).where(products.c.id == tulip).values(is_active=False))
    address = client.post(
        "/api/adresses/",
        json={"nom": "M", "rue": "r", "ville": "v", "code_postal": "1", "pays": "CM"},
        headers=bearer(token),
    ).json()["id"]
    refused = client.post(
        f"/api/paniers/{cart_id}/valider_panier/",
        json={"adresse_id": address},
        headers=bearer(token),
    )
    assert refused.status_code == 409
    assert refused.json()["error"] == "Produit(s) plus en vente : Tulipe"
    assert refused.json()["produits"] == ["Tulipe"]
    assert "Stock insuffisant" not in refused.text


def test_order_and_payment_e_mails_go_to_the_address_the_client_just_changed(
    client, container, engine
):
    """The caller's address comes with their (cached) token check, not from a read of the
    account: a change of e-mail must still reach the very next checkout and payment."""
    category = add_category(engine)
    rose = add_product(engine, category, "Rose", "1000.00", stock=5)
    _, token = make_client(client, container, "binta")
    auth = bearer(token)
    cart = _cart(client, token)["id"]  # the token check is cached from here on
    address = client.post("/api/adresses/", json=ADDRESS, headers=auth).json()["id"]
    changed = client.patch("/api/update-profile/", json={"email": "neuve@example.cm"}, headers=auth)
    assert changed.status_code == 200, changed.text
    assert (
        client.post(
            f"/api/paniers/{cart}/ajouter_produit/", json={"produit_id": rose}, headers=auth
        ).status_code
        == 201
    )
    placed = client.post(
        f"/api/paniers/{cart}/valider_panier/", json={"adresse_id": address}, headers=auth
    )
    assert placed.status_code == 201, placed.text
    paid = client.post(f"/api/paiements/{placed.json()['paiement_id']}/simuler/", headers=auth)
    assert paid.status_code == 200, paid.text
    assert paid.json()["utilisateur"]["email"] == "neuve@example.cm"

    after_change = [m["To"] for m in outbox_messages(container)][-2:]
    assert after_change == ["neuve@example.cm", "neuve@example.cm"]
