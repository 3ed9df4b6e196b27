"""Quotes (devis) over HTTP: life cycle, e-mails, the order an acceptance makes, field rules,
and the authorization matrix over every endpoint."""

from __future__ import annotations

import pytest

from tests.integration.helpers import bearer, login, make_admin, make_client
from tests.integration.rows import add_address, emails, lines_of
from tests.integration.services_helpers import act, make_quote, make_service, proposed_quote


@pytest.fixture
def world(client, container):
    alice_id, alice = make_client(client, container, "alice")
    _, bob = make_client(client, container, "bob")
    _, admin = make_admin(client, container)
    service = make_service(client, admin)
    return {"alice_id": alice_id, "alice": alice, "bob": bob, "admin": admin, "service": service}


def test_accepting_makes_an_order_paid_like_any_other(client, container, world):
    alice, admin = world["alice"], world["admin"]
    address = add_address(container.engine, world["alice_id"], is_default=True)
    quote_id = make_quote(client, alice, world["service"], prix_demande="50000")
    submitted = act(client, alice, quote_id, "soumettre")
    assert submitted.status_code == 200
    body = submitted.json()
    assert body["statut"] == "soumis" and body["devis_id"] == quote_id
    assert body["status"] == "Devis soumis avec succès"
    assert body["date_soumission"] == "2026-11-24T09:00:00Z"
    assert body["date_expiration"] == "2026-12-24T09:00:00Z"
    assert [e.recipient for e in emails(container.engine, "devis_soumis")] == [
        "patron@chezflora.cm"
    ]

    answer = {"prix_propose": "45000.50", "statut": "en_cours", "commentaire_admin": "OK"}
    answered = act(client, admin, quote_id, "proposer_reponse", answer)
    assert answered.status_code == 200 and answered.json()["prix_propose"] == 45000.5
    [reply] = emails(container.engine, "devis_reponse")
    assert reply.recipient == "alice@example.cm" and reply.context["prix_propose"] == "45000.50"

    accepted = act(client, alice, quote_id, "accepter")
    assert accepted.status_code == 200 and accepted.json()["statut"] == "accepte"
    order_id = accepted.json()["commande_id"]
    order = client.get(f"/api/commandes/{order_id}/", headers=bearer(alice)).json()
    assert order["statut"] == "en_attente" and order["total"] == 45000.5
    assert order["adresse"]["id"] == address
    [line] = lines_of(container.engine, order_id)
    assert line.produit_nom == "Mariage" and line.produit_id is None and line.quantite == 1
    payment = order["paiement"]
    assert payment["statut"] == "simule" and payment["montant"] == 45000.5
    paid = client.post(f"/api/paiements/{payment['id']}/simuler/", headers=bearer(alice))
    assert paid.status_code == 200, paid.text
    assert (
        client.get(f"/api/commandes/{order_id}/", headers=bearer(alice)).json()["statut"]
        == "en_cours"
    )
    assert emails(container.engine, "devis_accepte")[0].context["commande_id"] == order_id
    # A decided quote is final: no second acceptance, refusal, answer or deletion.
    assert act(client, alice, quote_id, "accepter").status_code == 409
    assert act(client, alice, quote_id, "refuser").status_code == 409
    assert act(client, admin, quote_id, "proposer_reponse", answer).status_code == 409
    assert client.delete(f"/api/devis/{quote_id}/", headers=bearer(admin)).status_code == 409


def test_guards_and_messages(client, container, world):
    alice, admin = world["alice"], world["admin"]
    quote_id = make_quote(client, alice, world["service"])
    early = act(client, alice, quote_id, "accepter")
    assert (
        early.status_code == 409 and early.json()["error"] == "Ce devis ne peut pas être accepté."
    )
    assert act(client, alice, quote_id, "soumettre").status_code == 200
    twice = act(client, alice, quote_id, "soumettre")
    assert twice.status_code == 409 and twice.json()["error"] == "Ce devis a déjà été soumis."
    edit = client.patch(f"/api/devis/{quote_id}/", json={"description": "x"}, headers=bearer(alice))
    assert edit.status_code == 409
    no_price = act(client, admin, quote_id, "proposer_reponse", {"statut": "en_cours"})
    assert no_price.status_code == 400 and "prix_propose" in no_price.json()["fields"]
    for bad in (
        {"statut": "rien", "prix_propose": 1},
        {"statut": "en_cours", "prix_propose": "abc"},
        {"statut": "en_cours", "prix_propose": -5},
        {},
    ):
        assert act(client, admin, quote_id, "proposer_reponse", bad).status_code == 400, bad
    admin_accepts = act(
        client, admin, quote_id, "proposer_reponse", {"statut": "accepte", "prix_propose": 1}
    )
    assert admin_accepts.status_code == 409
    refused = act(
        client,
        admin,
        quote_id,
        "proposer_reponse",
        {"statut": "refuse", "commentaire_admin": "Non"},
    )
    assert refused.status_code == 200 and refused.json()["statut"] == "refuse"
    assert emails(container.engine, "devis_reponse")[0].context["statut"] == "refuse"


def test_no_decision_after_the_expiry_date(client, container, clock, world):
    quote_id = proposed_quote(client, world["alice"], world["admin"], world["service"])
    clock.advance(days=30)
    alice = login(client, "alice")  # the access token expired meanwhile
    late = act(client, alice, quote_id, "accepter")
    assert late.status_code == 409 and late.json()["error"] == "Ce devis a expiré."
    assert act(client, alice, quote_id, "refuser").status_code == 409


def test_client_create_and_edit_rules(client, container, world):
    alice, admin = world["alice"], world["admin"]
    for field, value in (
        ("statut", "accepte"),
        ("prix_propose", 1),
        ("commentaire_admin", "x"),
        ("client", 2),
        ("date_expiration", "2030-01-01"),
        ("is_active", False),
    ):
        body = {"service_id": world["service"], "description": "x", field: value}
        refused = client.post("/api/devis/", json=body, headers=bearer(alice))
        assert refused.status_code == 400 and field in refused.json()["fields"], field
    for body in (
        {"service_id": world["service"]},
        {"service_id": world["service"], "description": "   "},
        {"service_id": 999999, "description": "x"},
        {"service_id": "abc", "description": "x"},
        {"service_id": world["service"], "description": "x", "prix_demande": -1},
        {"service_id": world["service"], "description": "x", "inconnu": 1},
    ):
        assert client.post("/api/devis/", json=body, headers=bearer(alice)).status_code == 400
    hidden = make_service(client, admin, "Caché", is_active="false")
    inactive = client.post(
        "/api/devis/", json={"service_id": hidden, "description": "x"}, headers=bearer(alice)
    )
    assert inactive.status_code == 400 and "service_id" in inactive.json()["fields"]

    quote_id = make_quote(client, alice, world["service"], prix_demande=50000)
    other = make_service(client, admin, "Deuil")
    edited = client.patch(
        f"/api/devis/{quote_id}/",
        json={"description": "Baptême", "prix_demande": None, "service_id": other},
        headers=bearer(alice),
    )
    assert edited.status_code == 200, edited.text
    body = edited.json()
    assert body["description"] == "Baptême" and body["prix_demande"] is None
    assert body["service"]["id"] == other and body["statut"] == "brouillon"
    for field in ("statut", "prix_propose", "commentaire_admin", "client", "is_active"):
        sneaky = client.patch(f"/api/devis/{quote_id}/", json={field: "x"}, headers=bearer(alice))
        assert sneaky.status_code == 400, field
    archived = client.patch(
        f"/api/devis/{quote_id}/", json={"is_active": "false"}, headers=bearer(admin)
    )
    assert archived.status_code == 200 and archived.json()["is_active"] is False
    assert client.delete(f"/api/devis/{quote_id}/", headers=bearer(alice)).status_code == 204


def test_lists_filters_and_statistics(client, container, world):
    alice, bob, admin = world["alice"], world["bob"], world["admin"]
    first = proposed_quote(client, alice, admin, world["service"])
    make_quote(client, bob, world["service"])
    mine = client.get("/api/devis", headers=bearer(alice)).json()
    assert mine["count"] == 1 and mine["results"][0]["id"] == first
    result = mine["results"][0]
    assert result["service"]["nom"] == "Mariage" and result["prix_propose"] == 45000.0
    assert result["client_username"] == "alice" and result["commentaire_admin"] == "OK"
    everything = client.get(
        "/api/devis/?page=1&per_page=10&ordering=-date_creation", headers=bearer(admin)
    ).json()
    assert everything["count"] == 2
    by_status = client.get("/api/devis/?statut=brouillon", headers=bearer(admin)).json()
    assert [r["client_username"] for r in by_status["results"]] == ["bob"]
    assert (
        client.get("/api/devis/?client_username=alice", headers=bearer(admin)).json()["count"] == 1
    )
    assert client.get("/api/devis/?search=bob", headers=bearer(admin)).json()["count"] == 1
    assert client.get("/api/devis/?statut=nimporte", headers=bearer(admin)).status_code == 400
    stats = client.get("/api/devis/statistiques/", headers=bearer(admin)).json()
    assert stats["total_devis"] == 2 and stats["moyenne_prix_propose"] == 45000.0
    assert {s["statut"]: s["count"] for s in stats["devis_par_statut"]} == {
        "en_cours": 1,
        "brouillon": 1,
    }


def _matrix_calls(quote_id: int, service: int) -> list[tuple[str, str, object]]:
    answer = {"statut": "en_cours", "prix_propose": 1000}
    return [
        ("GET", "/api/devis/", None),
        ("GET", f"/api/devis/{quote_id}/", None),
        ("PATCH", f"/api/devis/{quote_id}/", {"description": "autre"}),
        ("POST", f"/api/devis/{quote_id}/soumettre/", {}),
        ("POST", f"/api/devis/{quote_id}/proposer_reponse/", answer),
        ("POST", f"/api/devis/{quote_id}/accepter/", {}),
        ("POST", f"/api/devis/{quote_id}/refuser/", {}),
        ("GET", "/api/devis/statistiques/", None),
        ("DELETE", f"/api/devis/{quote_id}/", None),
        ("POST", "/api/devis/", {"service_id": service, "description": "x"}),
    ]


def test_authorization_matrix(client, container, world):
    """Anonymous 401 everywhere; another client 404 on alice's quote and 403 on admin routes;
    an admin cannot act as the client (submit, accept, refuse, edit → 403; the shop refuses
    through proposer_reponse)."""
    quote_id = make_quote(client, world["alice"], world["service"])
    expected = {
        "anonymous": [401] * 10,
        "bob": [200, 404, 404, 404, 403, 404, 404, 403, 404, 201],
        "admin": [200, 200, 403, 403, 409, 403, 403, 200, 204, 201],
    }
    tokens = {"anonymous": None, "bob": world["bob"], "admin": world["admin"]}
    for who, codes in expected.items():
        headers = bearer(tokens[who]) if tokens[who] else {}
        for (method, path, body), code in zip(
            _matrix_calls(quote_id, world["service"]), codes, strict=True
        ):
            answer = client.request(method, path, json=body, headers=headers)
            assert answer.status_code == code, (who, method, path, answer.text)
            assert answer.status_code < 500


def test_service_and_realisation_write_matrix(client, container, world):
    service = world["service"]
    writes = [
        ("POST", "/api/services/", {"nom": "Nouveau"}),
        ("PUT", f"/api/services/{service}/", {"nom": "Autre"}),
        ("DELETE", f"/api/services/{service}/", None),
        ("POST", "/api/realisations/", {"service_id": service, "titre": "x", "date": "2025-01-01"}),
        ("PUT", "/api/realisations/1/", {"titre": "x"}),
        ("DELETE", "/api/realisations/1/", None),
        ("GET", "/api/realisations/stats/", None),
    ]
    for method, path, body in writes:
        assert client.request(method, path, json=body).status_code == 401, path
        answer = client.request(method, path, json=body, headers=bearer(world["alice"]))
        assert answer.status_code == 403, path
    for path in ("/api/services/", f"/api/services/{service}/", "/api/realisations/"):
        assert client.get(path).status_code == 200


def test_dashboard_and_csv_exports_include_quotes(client, container, world, tmp_path):
    import argparse
    import csv

    from chezflora.entrypoints.cli.export import run_export

    alice, admin = world["alice"], world["admin"]
    accepted = proposed_quote(client, alice, admin, world["service"])
    assert act(client, alice, accepted, "accepter").status_code == 200
    waiting = make_quote(client, alice, world["service"])
    assert act(client, alice, waiting, "soumettre").status_code == 200
    make_quote(client, world["bob"], world["service"])

    board = client.get("/api/utilisateurs/dashboard/?days=7", headers=bearer(admin)).json()
    assert board["devis"] == {
        "total": 3,
        "by_status": {
            "brouillon": 1,
            "soumis": 1,
            "en_cours": 0,
            "accepte": 1,
            "refuse": 0,
            "expire": 0,
        },
        "en_attente_reponse": 1,
        "total_accepte": 45000.0,
    }
    assert {"users", "commands", "products", "ateliers", "payments", "subscriptions"} <= set(board)

    exported = client.get("/api/devis/export/", headers=bearer(admin))
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("text/csv")
    table = list(csv.reader(exported.text.splitlines()))
    assert table[0][:6] == ["id", "date_creation", "client", "email", "service", "statut"]
    assert [row[5] for row in table[1:]] == ["accepte", "soumis", "brouillon"]
    assert table[1][7] == "45000.00"
    assert client.get("/api/devis/export/", headers=bearer(alice)).status_code == 403

    output = tmp_path / "devis.csv"
    args = argparse.Namespace(name="quotes", output=output, delimiter=";")
    assert run_export(args, container.settings) == 0
    with output.open(encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == 4


def test_concurrent_acceptances_make_one_order(client, container, world):
    import threading

    import sqlalchemy as sa

    from chezflora.adapters.sqlalchemy.tables.shopping import orders
    from chezflora.application.identity.authentication import Viewer
    from chezflora.domain.errors import Conflict

    quote_id = proposed_quote(client, world["alice"], world["admin"], world["service"])
    alice = Viewer(user_id=world["alice_id"], username="alice", is_admin=False)
    outcomes: list[str] = []
    barrier = threading.Barrier(4)

    def accept() -> None:
        barrier.wait()
        try:
            container.services.accept_quote(alice, quote_id)
            outcomes.append("accepted")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=accept) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["accepted", "conflict", "conflict", "conflict"]
    with container.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(orders)).scalar_one() == 1


def test_account_deletion_drops_drafts_and_erases_the_client_text(client, container, world):
    alice, admin = world["alice"], world["admin"]
    answered = proposed_quote(client, alice, admin, world["service"])
    make_quote(client, alice, world["service"], description="Chez moi, 3 rue des Lys")
    assert client.delete("/api/utilisateurs/me/", headers=bearer(alice)).status_code == 204
    left = client.get("/api/devis/", headers=bearer(admin)).json()["results"]
    assert [(q["id"], q["description"], q["statut"]) for q in left] == [
        (answered, "(compte supprimé)", "en_cours")
    ]
    assert left[0]["prix_propose"] == 45000.0
