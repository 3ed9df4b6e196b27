"""Subscription payments go through shopping's payment endpoints: `simuler` marks the
subscription paid in the same transaction (then the hourly job delivers), `rembourser`
cancels it while it is active."""

from __future__ import annotations

import pytest

from chezflora.entrypoints.worker.jobs import run
from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import add_address, add_product_in_new_category, emails, orders_of

TODAY = "2026-11-24"  # FakeClock: 2026-11-24 10:00 in Douala; the first delivery is due today


@pytest.fixture
def world(client, container):
    alice_id, alice = make_client(client, container, "alice")
    _, bob = make_client(client, container, "bob")
    _, admin = make_admin(client, container)
    add_address(container.engine, alice_id, is_default=True)
    rose = add_product_in_new_category(container.engine, "1500.00", stock=10)
    return {"alice_id": alice_id, "alice": alice, "bob": bob, "admin": admin, "rose": rose}


def _subscribe(client, world, kind):
    body = {
        "type": kind,
        "produit_quantites": [{"produit_id": world["rose"], "quantite": 2}],
        "date_debut": TODAY,
    }
    created = client.post("/api/abonnements/", json=body, headers=bearer(world["alice"]))
    assert created.status_code == 201, created.text
    return created.json()["id"]


def _payment_of(client, token, subscription_id):
    listed = client.get("/api/paiements/", headers=bearer(token)).json()["results"]
    return [p for p in listed if p["abonnement"] == subscription_id]


def _subscription(client, token, subscription_id):
    return client.get(f"/api/abonnements/{subscription_id}/", headers=bearer(token)).json()


@pytest.mark.parametrize(
    ("kind", "paid_state", "price"),
    [("mensuel", "paye_mensuel", 3000.0), ("annuel", "paye_complet", 32400.0)],
)
def test_simulating_the_payment_pays_the_subscription_and_the_job_delivers(
    client, container, world, kind, paid_state, price
):
    subscription_id = _subscribe(client, world, kind)
    [payment] = _payment_of(client, world["alice"], subscription_id)
    assert payment["type_transaction"] == "abonnement" and payment["statut"] == "simule"
    assert payment["montant"] == price and payment["commande"] is None
    assert payment["utilisateur"]["id"] == world["alice_id"]
    assert _payment_of(client, world["bob"], subscription_id) == []
    path = f"/api/paiements/{payment['id']}/simuler/"
    assert client.post(path, headers=bearer(world["bob"])).status_code == 404

    assert run(container, "subscription-orders").generated == 0  # unpaid: nothing delivered
    paid = client.post(path, headers=bearer(world["alice"]))
    assert paid.status_code == 200, paid.text
    assert paid.json()["statut"] == "effectue"
    assert _subscription(client, world["alice"], subscription_id)["paiement_statut"] == paid_state

    report = run(container, "subscription-orders")
    assert report.generated == 1
    [order] = orders_of(container.engine, subscription_id)
    assert order.client_id == world["alice_id"] and order.total == 3000
    assert run(container, "subscription-orders").generated == 0  # that date is served


def test_refunding_a_subscription_payment_cancels_the_subscription(client, container, world):
    subscription_id = _subscribe(client, world, "mensuel")
    [payment] = _payment_of(client, world["alice"], subscription_id)
    client.post(f"/api/paiements/{payment['id']}/simuler/", headers=bearer(world["alice"]))
    refund = f"/api/paiements/{payment['id']}/rembourser/"
    assert client.post(refund, headers=bearer(world["alice"])).status_code == 403

    refunded = client.post(refund, headers=bearer(world["admin"]))
    assert refunded.status_code == 200, refunded.text
    assert refunded.json()["statut"] == "rembourse"
    assert _subscription(client, world["alice"], subscription_id)["is_active"] is False
    assert [e.recipient for e in emails(container.engine, "abonnement_annule")] == [
        "alice@example.cm"
    ]
    assert run(container, "subscription-orders").generated == 0
    assert orders_of(container.engine, subscription_id) == []
    assert client.post(refund, headers=bearer(world["admin"])).status_code == 409


def test_refunding_a_payment_of_a_cancelled_subscription_only_moves_the_payment(
    client, container, world
):
    subscription_id = _subscribe(client, world, "mensuel")
    [payment] = _payment_of(client, world["alice"], subscription_id)
    client.post(f"/api/paiements/{payment['id']}/simuler/", headers=bearer(world["alice"]))
    cancel = client.post(
        f"/api/abonnements/{subscription_id}/cancel/", headers=bearer(world["alice"])
    )
    assert cancel.status_code == 200, cancel.text
    refunded = client.post(
        f"/api/paiements/{payment['id']}/rembourser/", headers=bearer(world["admin"])
    )
    assert refunded.status_code == 200 and refunded.json()["statut"] == "rembourse"
    assert len(emails(container.engine, "abonnement_annule")) == 1  # not told twice


def test_an_unpaid_period_refunded_drops_the_subscription_too(client, container, world):
    subscription_id = _subscribe(client, world, "hebdomadaire")
    [payment] = _payment_of(client, world["alice"], subscription_id)
    refunded = client.post(
        f"/api/paiements/{payment['id']}/rembourser/", headers=bearer(world["admin"])
    )
    assert refunded.status_code == 200 and refunded.json()["statut"] == "rembourse"
    state = _subscription(client, world["alice"], subscription_id)
    assert state["is_active"] is False and state["paiement_statut"] == "non_paye"
