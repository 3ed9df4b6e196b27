"""Subscriptions over HTTP: shapes, scoping, authorization matrix, validation, idempotency."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.subscriptions import subscriptions
from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import (
    add_address,
    add_photo,
    add_product_in_new_category,
    emails,
    orders_of,
    payments_of,
    set_payment_status,
    stock_of,
)

TODAY = "2026-11-24"  # FakeClock: 2026-11-24 09:00 UTC, 10:00 in Douala


def _create(client, token, lines, kind="mensuel", headers=None, **extra):
    body = {"type": kind, "produit_quantites": lines, "date_debut": TODAY, **extra}
    return client.post("/api/abonnements/", json=body, headers={**bearer(token), **(headers or {})})


def _count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(subscriptions)).scalar_one()


@pytest.fixture
def world(client, container):
    alice_id, alice = make_client(client, container, "alice")
    _, bob = make_client(client, container, "bob")
    admin_id, admin = make_admin(client, container)
    rose = add_product_in_new_category(container.engine, "1500.00", stock=10)
    lily = add_product_in_new_category(container.engine, "100.00", stock=10)
    return {
        "alice_id": alice_id,
        "alice": alice,
        "bob": bob,
        "admin": admin,
        "admin_id": admin_id,
        "rose": rose,
        "lily": lily,
    }


def test_client_lifecycle(client, container, world):
    photo = add_photo(container.engine, world["rose"])
    created = _create(client, world["alice"], [{"produit_id": world["rose"], "quantite": 2}])
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["prix"] == 3000.0 and body["type"] == "mensuel"
    assert body["date_debut"] == TODAY and body["date_fin"] is None
    assert body["paiement_statut"] == "non_paye" and body["is_active"] is True
    assert body["client"] == {"id": world["alice_id"], "username": "alice"}
    assert body["prochaine_livraison"] == "2026-11-24T07:00:00Z"  # 08:00 in Douala
    assert body["prochaine_facturation"] == "2026-12-24T07:00:00Z"  # one period later
    line = body["abonnement_produits"][0]
    assert line["quantite"] == 2
    assert line["produit"]["id"] == world["rose"] and line["produit"]["prix"] == 1500.0
    assert line["produit"]["photos"] == [
        {
            "id": photo,
            "image": "http://testserver.local/media/photos/2026/01/01/rose.jpg",
            "uploaded_at": "2026-01-01T00:00:00Z",
        }
    ]
    [payment] = payments_of(container.engine, body["id"])
    assert payment.statut == "simule" and payment.type_transaction == "abonnement"
    assert payment.montant == 3000 and payment.utilisateur_id == world["alice_id"]
    assert [e.recipient for e in emails(container.engine, "abonnement_cree")] == [
        "alice@example.cm"
    ]

    listed = client.get("/api/abonnements", headers=bearer(world["alice"])).json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == body["id"]
    assert listed["next"] is None and listed["previous"] is None

    cancelled = client.post(
        f"/api/abonnements/{body['id']}/cancel/", json={}, headers=bearer(world["alice"])
    )
    assert cancelled.status_code == 200 and cancelled.json() == {"status": "Abonnement annulé"}
    detail = client.get(f"/api/abonnements/{body['id']}", headers=bearer(world["alice"]))
    assert detail.json()["is_active"] is False
    assert payments_of(container.engine, body["id"]) == []  # the unpaid bill went with it
    assert len(emails(container.engine, "abonnement_annule")) == 1
    again = client.post(f"/api/abonnements/{body['id']}/cancel/", headers=bearer(world["alice"]))
    assert again.status_code == 409 and again.json()["error"] == "Abonnement déjà annulé"


@pytest.mark.parametrize(
    ("kind", "quantity", "price"),
    [("mensuel", 2, 200.0), ("hebdomadaire", 1, 400.0), ("annuel", 1, 1080.0)],
)
def test_price_per_period_on_base_prices(client, world, kind, quantity, price):
    # Form-ish strings are accepted for ids and quantities.
    lines = [{"produit_id": str(world["lily"]), "quantite": str(quantity)}]
    created = _create(client, world["alice"], lines, kind)
    assert created.status_code == 201, created.text
    assert created.json()["prix"] == price


def _bad(client, token, body):
    response = client.post("/api/abonnements/", json=body, headers=bearer(token))
    assert response.status_code == 400, response.text
    assert response.json()["error"]
    return response.json()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"produit_quantites": [{"produit_id": 999999, "quantite": 1}]}, "produit_quantites"),
        ({"produit_quantites": [{"produit_id": "ROSE", "quantite": 0}]}, "produit_quantites"),
        ({"produit_quantites": []}, "produit_quantites"),
        ({"date_debut": "2026-11-23"}, "date_debut"),
        ({"date_debut": "24/11/2026"}, "date_debut"),
        ({"type": "quotidien"}, "type"),
        ({"date_fin": TODAY}, "date_fin"),
        ({"prix": 1}, "prix"),
    ],
)
def test_malformed_creation_is_a_400_and_writes_nothing(client, container, world, change, field):
    lines = [{"produit_id": "ROSE", "quantite": 1}]
    body = {"type": "mensuel", "produit_quantites": lines, "date_debut": TODAY, **change}
    for line in body["produit_quantites"]:
        if line["produit_id"] == "ROSE":
            line["produit_id"] = world["rose"]
    if change.get("produit_quantites") == [{"produit_id": world["rose"], "quantite": 0}]:
        body["produit_quantites"][0]["quantite"] = 0
    answer = _bad(client, world["alice"], body)
    assert field in answer["fields"]
    assert _count(container.engine) == 0
    assert payments_of(container.engine, 1) == []


def test_quantity_zero_and_inactive_products_are_refused(client, container, world):
    hidden = add_product_in_new_category(container.engine, "10.00", is_active=False)
    zero = [{"produit_id": world["rose"], "quantite": 0}]
    assert (
        "produit_quantites"
        in _bad(
            client,
            world["alice"],
            {"type": "mensuel", "produit_quantites": zero, "date_debut": TODAY},
        )["fields"]
    )
    inactive = [{"produit_id": hidden, "quantite": 1}]
    assert (
        "produit_quantites"
        in _bad(
            client,
            world["alice"],
            {"type": "mensuel", "produit_quantites": inactive, "date_debut": TODAY},
        )["fields"]
    )
    assert _count(container.engine) == 0


def test_authorization_matrix(client, container, world):
    own = _create(client, world["alice"], [{"produit_id": world["rose"], "quantite": 1}]).json()
    base = f"/api/abonnements/{own['id']}"
    calls = [
        ("get", "/api/abonnements/", None),
        ("post", "/api/abonnements/", {}),
        ("get", "/api/abonnements/stats/", None),
        ("get", f"{base}/", None),
        ("put", f"{base}/", {}),
        ("patch", f"{base}/", {}),
        ("delete", f"{base}/", None),
        ("post", f"{base}/cancel/", None),
        ("post", f"{base}/generer_commande_manuelle/", None),
        ("post", f"{base}/facturer/", None),
    ]
    for method, url, body in calls:
        kwargs = {} if body is None else {"json": body}
        assert getattr(client, method)(url, **kwargs).status_code == 401, (method, url)

    bob = bearer(world["bob"])
    assert client.get("/api/abonnements/", headers=bob).json()["count"] == 0
    for method, url in [
        ("get", f"{base}/"),
        ("put", f"{base}/"),
        ("patch", f"{base}/"),
        ("delete", f"{base}/"),
        ("post", f"{base}/cancel/"),
        ("post", f"{base}/generer_commande_manuelle/"),
    ]:
        kwargs = {"json": {}} if method in {"put", "patch"} else {}
        response = getattr(client, method)(url, headers=bob, **kwargs)
        assert response.status_code == 404, (method, url, response.text)
    alice = bearer(world["alice"])
    assert client.post(f"{base}/facturer/", headers=alice).status_code == 403
    assert client.get("/api/abonnements/stats/", headers=alice).status_code == 403
    assert client.get(f"{base}/", headers=alice).status_code == 200

    admin = bearer(world["admin"])
    assert client.get("/api/abonnements/", headers=admin).json()["count"] == 1
    assert client.get(f"{base}/", headers=admin).status_code == 200
    assert client.get("/api/abonnements/stats/", headers=admin).status_code == 200
    assert client.post(f"{base}/facturer/", headers=admin).status_code == 200
    assert client.post(f"{base}/cancel/", headers=admin).status_code == 200
    assert client.delete(f"{base}/", headers=admin).status_code == 204
    assert client.get(f"{base}/", headers=admin).status_code == 404


def test_client_updates_basket_and_end_but_nothing_else(client, world):
    own = _create(client, world["alice"], [{"produit_id": world["rose"], "quantite": 1}]).json()
    url = f"/api/abonnements/{own['id']}/"
    alice = bearer(world["alice"])
    lines = [{"produit_id": world["lily"], "quantite": 3}]
    patched = client.patch(url, json={"produit_quantites": lines}, headers=alice)
    assert patched.status_code == 200, patched.text
    assert patched.json()["prix"] == 300.0
    products = [line["produit"]["id"] for line in patched.json()["abonnement_produits"]]
    assert products == [world["lily"]]
    put = client.put(url, json={"date_fin": "2027-06-30"}, headers=alice)
    assert put.status_code == 200 and put.json()["date_fin"] == "2027-06-30"
    assert put.json()["prix"] == 300.0  # a partial PUT keeps the basket
    cleared = client.patch(url, json={"date_fin": None}, headers=alice)
    assert cleared.json()["date_fin"] is None
    for forbidden in (
        {"prix": "1"},
        {"paiement_statut": "paye_complet"},
        {"is_active": True},
        {"client_id": world["alice_id"]},
    ):
        refused = client.patch(url, json=forbidden, headers=alice)
        assert refused.status_code == 400, forbidden
        assert set(refused.json()["fields"]) == set(forbidden)
    assert client.patch(url, json={"type": "annuel"}, headers=alice).status_code == 400
    assert client.patch(url, json={"date_fin": TODAY}, headers=alice).status_code == 400
    assert client.patch(url, json={"produit_quantites": []}, headers=alice).status_code == 400
    assert client.get(url, headers=alice).json()["prix"] == 300.0


def test_admin_journey(client, container, world):
    """S37: create for a client, filter, edit with the full form, generate, bill, stats, delete."""
    admin = bearer(world["admin"])
    add_address(container.engine, world["alice_id"], is_default=False)
    home = add_address(container.engine, world["alice_id"], is_default=True)
    created = client.post(
        "/api/abonnements/",
        json={
            "client_id": str(world["alice_id"]),
            "type": "hebdomadaire",
            "date_debut": TODAY,
            "date_fin": None,
            "produit_quantites": [{"produit_id": world["rose"], "quantite": 2}],
        },
        headers=admin,
    )
    assert created.status_code == 201, created.text
    sub = created.json()
    assert sub["client"]["id"] == world["alice_id"] and sub["prix"] == 12000.0
    assert payments_of(container.engine, sub["id"])[0].utilisateur_id == world["alice_id"]
    _create(client, world["alice"], [{"produit_id": world["lily"], "quantite": 1}])

    page = client.get(
        "/api/abonnements/?page=1&per_page=10&type=hebdomadaire", headers=admin
    ).json()
    assert page["count"] == 1 and page["results"][0]["client"]["username"] == "alice"
    assert client.get("/api/abonnements/?search=alic", headers=admin).json()["count"] == 2
    assert client.get("/api/abonnements/?type=jamais", headers=admin).status_code == 400

    url = f"/api/abonnements/{sub['id']}/"
    form = {
        "type": "hebdomadaire",
        "date_debut": TODAY,
        "date_fin": None,
        "prix": "9000",
        "paiement_statut": "paye_complet",
        "is_active": True,
        "prochaine_livraison": None,
        "prochaine_facturation": None,
        "produit_quantites": [{"produit_id": world["rose"], "quantite": 1}],
    }
    edited = client.put(url, json=form, headers=admin)
    assert edited.status_code == 200, edited.text
    assert edited.json()["paiement_statut"] == "paye_complet"
    assert edited.json()["prix"] == 6000.0  # computed, never taken from the form
    assert edited.json()["prochaine_livraison"] == sub["prochaine_livraison"]

    generated = client.post(f"{url}generer_commande_manuelle/", headers=admin)
    assert generated.status_code == 201, generated.text
    [order] = orders_of(container.engine, sub["id"])
    assert generated.json() == {"status": "Commande générée", "commande_id": order.id}
    assert order.statut == "en_cours" and order.adresse_id == home and order.total == 1500
    assert str(order.date_livraison) == TODAY
    assert stock_of(container.engine, world["rose"]) == 9
    after = client.get(url, headers=admin).json()
    assert after["prochaine_livraison"] == "2026-12-01T07:00:00Z"  # weekly

    billed = client.post(f"{url}facturer", headers=admin)
    assert billed.status_code == 200, billed.text
    payment_id = billed.json()["paiement_id"]
    bill = next(p for p in payments_of(container.engine, sub["id"]) if p.id == payment_id)
    assert bill.montant == 6000 and bill.statut == "simule"
    assert "2026-12-24" in bill.details  # the period after the one creation billed
    after = client.get(url, headers=admin).json()
    assert after["paiement_statut"] == "non_paye"
    assert after["prochaine_facturation"] == "2027-01-24T07:00:00Z"
    assert len(emails(container.engine, "abonnement_facture")) == 1

    stats = client.get("/api/abonnements/stats/?days=7", headers=admin).json()
    assert stats == {
        "total_abonnements": 2,
        "active_abonnements": 2,
        "revenus": 6100.0,
        "abonnements_by_type": [
            {"type": "mensuel", "total": 1},
            {"type": "hebdomadaire", "total": 1},
            {"type": "annuel", "total": 0},
        ],
    }
    assert client.get("/api/abonnements/stats/?days=x", headers=admin).status_code == 400

    # It has an order: DELETE cancels it and keeps it for the accounts.
    assert client.delete(url, headers=admin).status_code == 204
    kept = client.get(url, headers=admin)
    assert kept.status_code == 200 and kept.json()["is_active"] is False
    assert client.delete(url, headers=admin).status_code == 204


def test_manual_order_needs_a_paid_active_subscription(client, container, world):
    sub = _create(client, world["alice"], [{"produit_id": world["rose"], "quantite": 1}]).json()
    url = f"/api/abonnements/{sub['id']}/generer_commande_manuelle/"
    unpaid = client.post(url, headers=bearer(world["alice"]))
    assert unpaid.status_code == 409 and unpaid.json()["error"] == "Abonnement inactif ou expiré"
    container.subscriptions.mark_paid(sub["id"])
    assert client.post(url, headers=bearer(world["alice"])).status_code == 201
    assert orders_of(container.engine, sub["id"])[0].adresse_id is None  # no address on file


def test_delete_without_history_removes_it_and_its_unpaid_bill(client, container, world):
    sub = _create(client, world["alice"], [{"produit_id": world["rose"], "quantite": 1}]).json()
    url = f"/api/abonnements/{sub['id']}/"
    assert client.delete(url, headers=bearer(world["alice"])).status_code == 204
    assert client.get(url, headers=bearer(world["alice"])).status_code == 404
    assert payments_of(container.engine, sub["id"]) == [] and _count(container.engine) == 0


def test_delete_keeps_a_subscription_with_a_completed_payment(client, container, world):
    sub = _create(client, world["alice"], [{"produit_id": world["rose"], "quantite": 1}]).json()
    [payment] = payments_of(container.engine, sub["id"])
    set_payment_status(container.engine, payment.id, "effectue")
    url = f"/api/abonnements/{sub['id']}/"
    assert client.delete(url, headers=bearer(world["alice"])).status_code == 204
    assert client.get(url, headers=bearer(world["alice"])).json()["is_active"] is False
    assert [p.statut for p in payments_of(container.engine, sub["id"])] == ["effectue"]


def test_client_cannot_open_one_for_someone_else(client, container, world):
    lines = [{"produit_id": world["rose"], "quantite": 1}]
    answer = _bad(
        client,
        world["bob"],
        {"type": "mensuel", "produit_quantites": lines, "date_debut": TODAY, "client_id": 1},
    )
    assert "client_id" in answer["fields"]


def test_idempotency_key_replays_the_first_answer(client, container, world):
    lines = [{"produit_id": world["rose"], "quantite": 1}]
    key = {"Idempotency-Key": "abo-123"}
    first = _create(client, world["alice"], lines, headers=key)
    replay = _create(client, world["alice"], lines, headers=key)
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json()
    assert _count(container.engine) == 1
    assert len(payments_of(container.engine, first.json()["id"])) == 1
    other_body = _create(client, world["alice"], lines, kind="annuel", headers=key)
    assert other_body.status_code == 409
    # Keys are per user; without a key nothing is deduplicated.
    assert _create(client, world["bob"], lines, headers=key).status_code == 201
    assert _create(client, world["alice"], lines).status_code == 201
    assert _count(container.engine) == 3


def test_failed_request_frees_its_key(client, container, world):
    key = {"Idempotency-Key": "retry-me"}
    bad = _create(client, world["alice"], [{"produit_id": 999999, "quantite": 1}], headers=key)
    assert bad.status_code == 400
    good = _create(
        client, world["alice"], [{"produit_id": world["rose"], "quantite": 1}], headers=key
    )
    assert good.status_code == 201


def test_list_costs_the_same_statements_for_2_or_10_subscriptions(client, container, world):
    lines = [
        {"produit_id": world["rose"], "quantite": 1},
        {"produit_id": world["lily"], "quantite": 2},
    ]
    add_photo(container.engine, world["rose"])
    add_photo(container.engine, world["lily"])

    def statements(per_page: int) -> int:
        seen: list[str] = []

        def record(*args):
            seen.append(args[2])

        sa.event.listen(container.engine, "before_cursor_execute", record)
        try:
            response = client.get(
                f"/api/abonnements/?per_page={per_page}", headers=bearer(world["alice"])
            )
        finally:
            sa.event.remove(container.engine, "before_cursor_execute", record)
        assert len(response.json()["results"]) == per_page
        return len([s for s in seen if "subscription" in s or "photos" in s])

    for _ in range(10):
        _create(client, world["alice"], lines)
    assert statements(2) == statements(10) == 4
