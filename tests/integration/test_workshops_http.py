"""Workshops over HTTP: validation, seats, payments of THAT registration, waiting list, cancel,
idempotency."""

from __future__ import annotations

import pytest

from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import emails
from tests.integration.workshop_rows import (
    add_workshop,
    registrations_of,
    seat_payments,
    workshop_row,
)

BODY = {
    "nom": "Ikebana",
    "description": "Composition japonaise",
    "date": "2030-06-01T10:00",
    "duree": 120,
    "prix": "5000",
    "places_totales": 2,
    "is_active": True,
}


@pytest.fixture
def world(client, container):
    alice_id, alice = make_client(client, container, "alice")
    bob_id, bob = make_client(client, container, "bob")
    carol_id, carol = make_client(client, container, "carol")
    _, admin = make_admin(client, container)
    return {
        "alice": alice,
        "alice_id": alice_id,
        "bob": bob,
        "bob_id": bob_id,
        "carol": carol,
        "carol_id": carol_id,
        "admin": admin,
    }


def _register(client, token, workshop_id, **body):
    path = f"/api/ateliers/{workshop_id}/s_inscrire/"
    return client.post(path, json=body or None, headers=bearer(token))


def _leave(client, token, workshop_id):
    return client.post(f"/api/ateliers/{workshop_id}/desinscription/", headers=bearer(token))


def test_create_validates_fields_and_derives_free_seats(client, world):
    admin = bearer(world["admin"])
    created = client.post("/api/ateliers/", json=BODY, headers=admin)
    assert created.status_code == 201, created.text
    assert created.json()["places_disponibles"] == 2 and created.json()["prix"] == 5000
    date_only = client.post("/api/ateliers/", json={**BODY, "date": "2030-06-02"}, headers=admin)
    assert date_only.status_code == 201 and date_only.json()["date"] == "2030-06-01T23:00:00Z"
    cases = [
        ({**BODY, "date": "demain"}, "date"),
        ({**BODY, "places_totales": -1}, "places_totales"),
        ({**BODY, "prix": "-5"}, "prix"),
        ({**BODY, "prix": "abc"}, "prix"),
        ({**BODY, "duree": "1.5"}, "duree"),
        ({k: v for k, v in BODY.items() if k != "nom"}, "nom"),
    ]
    for body, field in cases:
        refused = client.post("/api/ateliers/", json=body, headers=admin)
        assert refused.status_code == 400, (body, refused.text)
        assert field in refused.json()["fields"], refused.json()
    unknown = client.post("/api/ateliers/", json={**BODY, "couleur": "rouge"}, headers=admin)
    assert unknown.status_code == 400
    echoed = client.post("/api/ateliers/", json={**BODY, "places_disponibles": 99}, headers=admin)
    assert echoed.status_code == 201 and echoed.json()["places_disponibles"] == 2


def test_seats_cannot_shrink_below_those_taken_and_more_seats_promote(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=2)
    path = f"/api/ateliers/{workshop}/"
    admin = bearer(world["admin"])
    for name in ("alice", "bob"):
        assert _register(client, world[name], workshop).status_code == 200
    waiting = _register(client, world["carol"], workshop, liste_attente=True)
    assert waiting.status_code == 200 and waiting.json()["position_liste_attente"] == 1
    shrink = client.patch(path, json={"places_totales": 1}, headers=admin)
    assert shrink.status_code == 400
    assert shrink.json()["fields"]["places_totales"] == [
        "Impossible de réduire à 1 places : 2 participants sont inscrits."
    ]
    grown = client.patch(path, json={"places_totales": 3, "places_disponibles": 50}, headers=admin)
    assert grown.status_code == 200, grown.text
    assert grown.json()["places_disponibles"] == 0  # carol took the new seat
    carol = client.get(path, headers=bearer(world["carol"])).json()
    assert carol["position_liste_attente"] is None and len(carol["participants"]) == 1
    assert [e.recipient for e in emails(container.engine, "atelier_promotion")] == [
        "carol@example.cm"
    ]


def test_each_seat_has_its_own_payment_and_leaving_settles_only_that_one(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=5, prix="7500.00")
    first = _register(client, world["alice"], workshop)
    assert first.status_code == 200, first.text
    assert first.json()["statut"] == "inscrit" and first.json()["paiement_id"]
    assert _register(client, world["bob"], workshop).status_code == 200
    alice_payment, bob_payment = seat_payments(container.engine, workshop)
    assert alice_payment.utilisateur_id == world["alice_id"] and alice_payment.montant == 7500
    assert alice_payment.statut == bob_payment.statut == "simule"
    assert alice_payment.inscription_id != bob_payment.inscription_id

    mine = client.get("/api/paiements/", headers=bearer(world["alice"])).json()["results"]
    assert [p["id"] for p in mine] == [alice_payment.id]
    assert mine[0]["type_transaction"] == "atelier" and mine[0]["atelier"] == workshop

    # Bob pays: his seat is confirmed. Then Alice (unpaid) leaves: only her payment moves.
    paid = client.post(f"/api/paiements/{bob_payment.id}/simuler/", headers=bearer(world["bob"]))
    assert paid.status_code == 200, paid.text
    statuses = {r.utilisateur_id: r.statut for r in registrations_of(container.engine, workshop)}
    assert statuses == {world["alice_id"]: "inscrit", world["bob_id"]: "confirme"}
    assert _leave(client, world["alice"], workshop).status_code == 200
    by_id = {p.id: p.statut for p in seat_payments(container.engine, workshop)}
    assert by_id == {alice_payment.id: "echec", bob_payment.id: "effectue"}
    # Bob (paid) leaves: his payment is refunded.
    assert _leave(client, world["bob"], workshop).status_code == 200
    assert seat_payments(container.engine, workshop)[1].statut == "rembourse"
    assert workshop_row(container.engine, workshop).places_prises == 0
    assert len(emails(container.engine, "atelier_desinscription")) == 2
    again = _leave(client, world["bob"], workshop)
    assert again.status_code == 409 and again.json()["error"]


def test_waiting_list_is_first_come_first_served(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=1)
    path = f"/api/ateliers/{workshop}/"
    assert _register(client, world["alice"], workshop).status_code == 200
    full = _register(client, world["bob"], workshop)
    assert full.status_code == 409 and full.json()["error"] == "Plus de places disponibles."
    bob = _register(client, world["bob"], workshop, liste_attente=True)
    carol = _register(client, world["carol"], workshop, liste_attente="true")
    assert bob.json()["statut"] == "en_attente" and bob.json()["paiement_id"] is None
    assert carol.json()["position_liste_attente"] == 2
    twice = _register(client, world["carol"], workshop, liste_attente=True)
    assert twice.status_code == 409
    seen = client.get(path, headers=bearer(world["carol"])).json()
    assert seen["position_liste_attente"] == 2 and seen["liste_attente"] == 2
    assert seen["participants"] == []  # nobody else's registration
    assert len(seat_payments(container.engine, workshop)) == 1

    assert _leave(client, world["alice"], workshop).status_code == 200
    rows = {r.utilisateur_id: r.statut for r in registrations_of(container.engine, workshop)}
    assert rows == {world["bob_id"]: "inscrit", world["carol_id"]: "en_attente"}
    payments = seat_payments(container.engine, workshop)
    assert [p.utilisateur_id for p in payments] == [world["alice_id"], world["bob_id"]]
    assert payments[1].statut == "simule"
    assert client.get(path, headers=bearer(world["carol"])).json()["position_liste_attente"] == 1
    assert [e.recipient for e in emails(container.engine, "atelier_promotion")] == [
        "bob@example.cm"
    ]
    # Carol leaves the list: no seat, no payment moves.
    assert _leave(client, world["carol"], workshop).status_code == 200
    assert workshop_row(container.engine, workshop).places_prises == 1


def test_refund_by_admin_frees_the_seat_for_the_waiting_list(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=1)
    assert _register(client, world["alice"], workshop).status_code == 200
    assert _register(client, world["bob"], workshop, liste_attente=True).status_code == 200
    (payment,) = seat_payments(container.engine, workshop)
    refunded = client.post(
        f"/api/paiements/{payment.id}/rembourser/", headers=bearer(world["admin"])
    )
    assert refunded.status_code == 200, refunded.text
    rows = {r.utilisateur_id: r.statut for r in registrations_of(container.engine, workshop)}
    assert rows == {world["bob_id"]: "inscrit"}
    assert [p.statut for p in seat_payments(container.engine, workshop)] == [
        "rembourse",
        "simule",
    ]


def test_cancel_needs_a_reason_settles_every_payment_and_emails_everyone(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=2)
    path = f"/api/ateliers/{workshop}/cancel/"
    admin = bearer(world["admin"])
    assert _register(client, world["alice"], workshop).status_code == 200
    assert _register(client, world["bob"], workshop).status_code == 200
    assert _register(client, world["carol"], workshop, liste_attente=True).status_code == 200
    alice_payment = seat_payments(container.engine, workshop)[0]
    client.post(f"/api/paiements/{alice_payment.id}/simuler/", headers=bearer(world["alice"]))

    for body in (None, {}, {"raison": "  "}):
        refused = client.post(path, json=body, headers=admin)
        assert refused.status_code == 400
        assert refused.json()["error"] == "Raison de l’annulation requise"
    done = client.post(path, json={"raison": "Fleuriste malade"}, headers=admin)
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "Atelier annulé, participants notifiés"
    assert [p.statut for p in seat_payments(container.engine, workshop)] == ["rembourse", "echec"]
    assert {r.statut for r in registrations_of(container.engine, workshop)} == {"annule"}
    row = workshop_row(container.engine, workshop)
    assert row.is_active is False and row.places_prises == 0
    sent = emails(container.engine, "atelier_annule")
    assert sorted(e.recipient for e in sent) == [
        "alice@example.cm",
        "bob@example.cm",
        "carol@example.cm",
    ]
    assert all(e.context["raison"] == "Fleuriste malade" for e in sent)
    assert client.post(path, json={"raison": "encore"}, headers=admin).status_code == 409
    # Re-opened by the admin, the same client may register again.
    client.patch(f"/api/ateliers/{workshop}/", json={"is_active": True}, headers=admin)
    assert _register(client, world["alice"], workshop).status_code == 200


def test_registration_rules(client, container, world):
    now = container.clock.now()
    past = add_workshop(container.engine, now, days_ahead=-1)
    hidden = add_workshop(container.engine, now, is_active=False)
    open_one = add_workshop(container.engine, now)
    assert _register(client, world["alice"], past).status_code == 409
    assert _register(client, world["alice"], hidden).status_code == 409
    assert _register(client, world["alice"], 999999).status_code == 404
    admin_try = _register(client, world["admin"], open_one)
    assert admin_try.status_code == 403
    assert admin_try.json()["error"] == "Seuls les clients peuvent s’inscrire."
    assert _register(client, world["alice"], open_one, autre=1).status_code == 400
    assert _leave(client, world["alice"], open_one).status_code == 409


def test_idempotency_key_replays_the_registration(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=3)
    headers = {**bearer(world["alice"]), "Idempotency-Key": "seat-1"}
    path = f"/api/ateliers/{workshop}/s_inscrire/"
    first = client.post(path, headers=headers)
    second = client.post(path, headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert len(registrations_of(container.engine, workshop)) == 1
    assert len(seat_payments(container.engine, workshop)) == 1
    other = client.post(path, json={"liste_attente": True}, headers=headers)
    assert other.status_code == 409


def test_openapi_documents_the_routes_and_the_waiting_list(client):
    paths = client.get("/api/schema/").json()["paths"]
    register = paths["/api/ateliers/{workshop_id}/s_inscrire"]["post"]
    assert "liste_attente" in register["description"]
    assert "waiting list" in register["description"]
    for path in (
        "/api/ateliers",
        "/api/ateliers/{workshop_id}",
        "/api/ateliers/{workshop_id}/desinscription",
        "/api/ateliers/{workshop_id}/cancel",
        "/api/ateliers/{workshop_id}/participants",
        "/api/ateliers/stats",
    ):
        assert path in paths, path


def test_a_deleted_account_gives_its_seat_to_the_waiting_list(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=1)
    assert _register(client, world["alice"], workshop).status_code == 200
    assert _register(client, world["bob"], workshop, liste_attente=True).status_code == 200
    assert client.delete("/api/utilisateurs/me/", headers=bearer(world["alice"])).status_code == 204
    rows = {r.utilisateur_id: r.statut for r in registrations_of(container.engine, workshop)}
    assert rows == {world["bob_id"]: "inscrit"}
    assert [p.statut for p in seat_payments(container.engine, workshop)] == ["echec", "simule"]


def test_admin_participants_page_searches_and_lists_every_registration(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=1)
    assert _register(client, world["alice"], workshop).status_code == 200
    assert _register(client, world["bob"], workshop, liste_attente=True).status_code == 200
    path = f"/api/ateliers/{workshop}/participants/"
    admin = bearer(world["admin"])
    everyone = client.get(f"{path}?per_page=1", headers=admin).json()
    assert everyone["count"] == 2 and everyone["next"].endswith("per_page=1&page=2")
    assert everyone["results"][0]["utilisateur"] == "alice"
    found = client.get(f"{path}?search=BOB", headers=admin).json()["results"]
    assert [(r["utilisateur"], r["statut"]) for r in found] == [("bob", "en_attente")]
    assert client.get("/api/ateliers/999999/participants/", headers=admin).status_code == 404


def test_coming_back_gets_a_new_payment_and_leaving_again_settles_only_it(client, container, world):
    workshop = add_workshop(container.engine, container.clock.now(), seats=2)
    assert _register(client, world["alice"], workshop).status_code == 200
    assert _leave(client, world["alice"], workshop).status_code == 200
    again = _register(client, world["alice"], workshop)
    assert again.status_code == 200
    paid = client.post(
        f"/api/paiements/{again.json()['paiement_id']}/simuler/", headers=bearer(world["alice"])
    )
    assert paid.status_code == 200
    assert _leave(client, world["alice"], workshop).status_code == 200
    first, second = seat_payments(container.engine, workshop)
    assert (first.statut, second.statut) == ("echec", "rembourse")
    assert first.inscription_id != second.inscription_id
