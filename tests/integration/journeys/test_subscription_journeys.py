"""Journeys S36 and S37 of frontend-contract §4: subscriptions, client and admin."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from tests.integration.journeys.catalogue_flows import seed_roses_and_orchids
from tests.integration.journeys.support import ADDRESS, Api


def _today(now: datetime) -> str:
    return now.astimezone(ZoneInfo("Africa/Douala")).date().isoformat()


def test_s36_client_subscription_lifecycle(api: Api, clock) -> None:
    seeded = seed_roses_and_orchids(api, api.admin())
    _, token = api.new_client("alice")
    assert api.get("/api/produits/", token).json()["count"] == 2

    created = api.post(
        "/api/abonnements/",
        token,
        json={
            "type": "mensuel",
            "produit_quantites": [{"produit_id": seeded.p1, "quantite": 2}],
            "date_debut": _today(clock.now()),
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["prix"] == 3000  # mensuel: Σ prix × quantité, base prices

    listed = api.get("/api/abonnements/", token).json()
    assert listed["count"] == 1
    subscription = listed["results"][0]
    assert subscription["id"] == created.json()["id"] and subscription["type"] == "mensuel"
    assert subscription["prix"] == 3000 and subscription["date_debut"].startswith(
        _today(clock.now())
    )
    assert subscription["date_fin"] is None and subscription["prochaine_livraison"]
    assert subscription["is_active"] is True
    assert isinstance(subscription["paiement_statut"], str)
    (line,) = subscription["abonnement_produits"]
    assert line["quantite"] == 2 and line["produit"]["id"] == seeded.p1
    assert line["produit"]["nom"] == "Rose rouge" and line["produit"]["photos"] == []

    empty = api.post(
        "/api/abonnements/",
        token,
        json={"type": "mensuel", "produit_quantites": [], "date_debut": _today(clock.now())},
    )
    assert empty.status_code == 400
    assert isinstance(empty.json()["error"], str) and "produit_quantites" in empty.json()["fields"]

    # AbonnementsPage's bare axios cancel sends {}.
    cancelled = api.post(f"/api/abonnements/{subscription['id']}/cancel/", token, json={})
    assert cancelled.status_code == 200, cancelled.text
    assert api.get("/api/abonnements/", token).json()["results"][0]["is_active"] is False

    _, bob = api.new_client("bob")
    assert api.get("/api/abonnements/", bob).json()["results"] == []
    stranger = api.post(f"/api/abonnements/{subscription['id']}/cancel/", bob, json={})
    assert stranger.status_code in (403, 404)


def test_s37_admin_subscription_management(api: Api, clock) -> None:
    admin = api.admin()
    seeded = seed_roses_and_orchids(api, admin, p1_stock=20)
    alice, token = api.new_client("alice")
    # Generated orders go to the client's default address.
    assert api.post("/api/adresses/", token, json=ADDRESS).status_code == 201

    clients = api.get("/api/utilisateurs/?role=client", admin).json()
    assert [(u["id"], u["username"]) for u in clients["results"]] == [(alice, "alice")]

    today = _today(clock.now())
    created = api.post(
        "/api/abonnements/",
        admin,
        json={
            "client_id": str(alice),
            "type": "hebdomadaire",
            "date_debut": today,
            "date_fin": None,
            "produit_quantites": [{"produit_id": str(seeded.p1), "quantite": 1}],
        },
    )
    assert created.status_code == 201, created.text
    subscription_id = created.json()["id"]
    assert created.json()["prix"] == 6000  # hebdomadaire: 4 × 1500

    listed = api.get("/api/abonnements/?page=1&per_page=10&type=hebdomadaire", admin).json()
    assert listed["count"] == 1
    assert listed["results"][0]["client"]["id"] == alice
    assert listed["results"][0]["client"]["username"] == "alice"
    assert api.get("/api/abonnements/?type=mensuel", admin).json()["count"] == 0

    edited = api.put(
        f"/api/abonnements/{subscription_id}/",
        admin,
        json={
            "type": "hebdomadaire",
            "date_debut": today,
            "date_fin": None,
            "prix": "9000",
            "paiement_statut": "paye_complet",
            "is_active": True,
            "prochaine_livraison": None,
            "prochaine_facturation": None,
            "produit_quantites": [{"produit_id": seeded.p1, "quantite": 1}],
        },
    )
    assert edited.status_code == 200, edited.text
    # decisions.md §5 computes the price (hebdomadaire 4 × Σ); the form's echoed "9000" is
    # ignored by design (documented in application/subscriptions/__init__.py).
    assert edited.json()["prix"] == 6000
    assert edited.json()["paiement_statut"] == "paye_complet"
    assert edited.json()["client"]["id"] == alice  # the PUT without client_id kept the owner

    before = api.get("/api/commandes/", token).json()["count"]
    generated = api.post(f"/api/abonnements/{subscription_id}/generer_commande_manuelle/", admin)
    assert 200 <= generated.status_code < 300, generated.text
    assert api.get("/api/commandes/", token).json()["count"] == before + 1

    billed = api.post(f"/api/abonnements/{subscription_id}/facturer/", admin)  # no body
    assert billed.status_code == 200, billed.text

    stats = api.get("/api/abonnements/stats/", admin).json()
    assert {"total_abonnements", "active_abonnements", "revenus", "abonnements_by_type"} <= (
        stats.keys()
    )
    assert stats["total_abonnements"] == 1
    assert {"type": "hebdomadaire", "total": 1} in stats["abonnements_by_type"]

    assert api.get("/api/abonnements/stats/", token).status_code == 403
    assert api.post(f"/api/abonnements/{subscription_id}/facturer/", token).status_code == 403
    assert api.delete(f"/api/abonnements/{subscription_id}/", admin).status_code == 204
    # With history (the generated order) DELETE cancels instead of erasing: a documented
    # subscription decision (application/subscriptions/__init__.py).
    (kept,) = api.get("/api/abonnements/", token).json()["results"]
    assert kept["id"] == subscription_id and kept["is_active"] is False


def test_s33_on_a_subscription_payment_pays_then_refund_cancels(api: Api, clock) -> None:
    """The "pay" step of S33 for a subscription (decisions.md §4: the paid thing moves on).

    Defect fixed here: simulating a subscription's payment left `paiement_statut` at
    `non_paye` (shopping was built without the subscription payment hook), so a client's
    subscription never delivered.
    """
    admin = api.admin()
    seeded = seed_roses_and_orchids(api, admin)
    _, token = api.new_client("alice")
    created = api.post(
        "/api/abonnements/",
        token,
        json={
            "type": "annuel",
            "produit_quantites": [{"produit_id": seeded.p1, "quantite": 1}],
            "date_debut": _today(clock.now()),
        },
    )
    assert created.status_code == 201 and created.json()["paiement_statut"] == "non_paye"
    assert created.json()["prix"] == 16200  # annuel: 12 × 1500 × 0.9

    payments = api.get("/api/paiements/?page=1&per_page=10", admin).json()["results"]
    (payment,) = [p for p in payments if p["type_transaction"] == "abonnement"]
    assert payment["montant"] == 16200 and payment["statut"] == "simule"
    simulated = api.post(f"/api/paiements/{payment['id']}/simuler/", admin)
    assert simulated.status_code == 200 and simulated.json()["statut"] == "effectue"
    (paid,) = api.get("/api/abonnements/", token).json()["results"]
    assert paid["paiement_statut"] == "paye_complet" and paid["is_active"] is True

    refunded = api.post(f"/api/paiements/{payment['id']}/rembourser/", admin)
    assert refunded.status_code == 200 and refunded.json()["statut"] == "rembourse"
    (cancelled,) = api.get("/api/abonnements/", token).json()["results"]
    assert cancelled["is_active"] is False
