"""Workshop operations: reminders (once), CSV exports (HTTP and CLI), dashboard figures, and
page reads in a constant number of statements."""

from __future__ import annotations

import argparse
import csv
from datetime import timedelta

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import PageRequest
from chezflora.application.workshops.queries import WorkshopScope
from chezflora.entrypoints.cli.export import run_export
from chezflora.entrypoints.cli.jobs import run_job
from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import add_shopper, emails
from tests.integration.test_shopping_query_counts import counting
from tests.integration.workshop_rows import add_workshop


def test_reminders_go_the_day_before_once_per_seat(container, clock):
    now = clock.now()  # 2026-11-24 10:00 in Douala
    tomorrow = add_workshop(container.engine, now, nom="Demain", days_ahead=1)
    later = add_workshop(container.engine, now, nom="Plus tard", days_ahead=3)
    alice, bob, carol = (add_shopper(container, n)[0] for n in ("alice", "bob", "carol"))
    for viewer in (alice, bob):
        container.workshops.register(viewer, tomorrow)
        container.workshops.register(viewer, later)
    container.workshops.unregister(bob, tomorrow)
    add_workshop(container.engine, now, nom="Complet", seats=0, days_ahead=1)
    container.workshops.register(carol, tomorrow)

    assert container.workshops.send_reminders() == {"rappels_envoyes": 2}
    assert container.workshops.send_reminders() == {"rappels_envoyes": 0}
    sent = emails(container.engine, "atelier_rappel")
    assert sorted(e.recipient for e in sent) == ["alice@example.cm", "carol@example.cm"]
    assert {e.context["atelier"] for e in sent} == {"Demain"}
    clock.advance(days=2)
    assert container.workshops.send_reminders() == {"rappels_envoyes": 2}  # "Plus tard" now
    assert len(emails(container.engine, "atelier_rappel")) == 4


def test_run_job_cli_knows_workshop_reminders(container, capsys):
    assert run_job(argparse.Namespace(name="workshop-reminders"), container.settings) == 0
    assert "rappels_envoyes" in capsys.readouterr().out


def test_csv_exports_of_workshops_and_participants(container, client, tmp_path):
    workshop = add_workshop(container.engine, container.clock.now(), nom="Ikebana", seats=3)
    _, alice = make_client(client, container, "alice")
    _, admin = make_admin(client, container)
    client.post(f"/api/ateliers/{workshop}/s_inscrire/", headers=bearer(alice))

    response = client.get("/api/ateliers/export_csv/", headers=bearer(admin))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="ateliers_export.csv"' in response.headers["content-disposition"]
    rows = list(csv.reader(response.text.splitlines()))
    assert rows[0][:3] == ["id", "nom", "description"] and "places_disponibles" in rows[0]
    assert rows[1][1] == "Ikebana" and rows[1][rows[0].index("places_disponibles")] == "2"
    assert client.get("/api/ateliers/export_csv/", headers=bearer(alice)).status_code == 403

    people = client.get("/api/ateliers/participants/export_csv/", headers=bearer(admin))
    listed = list(csv.reader(people.text.splitlines()))
    assert listed[1][listed[0].index("utilisateur")] == "alice"

    output = tmp_path / "participants.csv"
    args = argparse.Namespace(name="workshop-participants", output=output, delimiter=";")
    assert run_export(args, container.settings) == 0
    written = list(csv.reader(output.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert written[1][written[0].index("statut")] == "inscrit"


def test_dashboard_counts_workshops_and_participants(container, client):
    now = container.clock.now()
    first = add_workshop(container.engine, now, seats=5)
    add_workshop(container.engine, now, is_active=False)
    cancelled = add_workshop(container.engine, now)
    for name in ("alice", "bob"):
        container.workshops.register(add_shopper(container, name)[0], first)
    container.workshops.register(add_shopper(container, "carol")[0], cancelled)
    container.workshops.cancel(cancelled, "Pluie")
    _, admin = make_admin(client, container)
    body = client.get("/api/utilisateurs/dashboard/?days=30", headers=bearer(admin)).json()
    assert body["ateliers"] == {"total": 3, "active": 1, "cancelled": 1, "total_participants": 2}


def test_workshop_pages_read_in_constant_statements(container, engine):
    now = container.clock.now()
    viewer = add_shopper(container, "lecteur")[0]

    def fill(count: int) -> None:
        for n in range(count):
            workshop = add_workshop(engine, now, seats=1, days_ahead=10 + n)
            container.workshops.register(add_shopper(container, f"p{count}_{n}")[0], workshop)
            container.workshops.register(viewer, workshop, waiting_list=True)

    def statements(scope: WorkshopScope) -> tuple[int, int]:
        page = PageRequest(page=1, per_page=50)
        with counting(engine) as seen:
            found = container.workshops.queries.find(scope, ListOptions(), page)
        return len(found.items), len(seen)

    scopes = [WorkshopScope(), WorkshopScope(viewer.user_id), WorkshopScope(0, is_admin=True)]
    fill(2)
    small = [statements(s) for s in scopes]
    fill(8)
    large = [statements(s) for s in scopes]
    for (few, cost), (many, cost_large) in zip(small, large, strict=True):
        # At most five SELECTs (count, page, shown seats, waiting list, rank) + SQLite's BEGIN.
        assert many > few and cost_large == cost <= 6
    mine = container.workshops.queries.find(scopes[1], ListOptions(), PageRequest(per_page=50))
    assert {w.position for w in mine.items} == {1}
    assert all(w.participants == () for w in mine.items)  # others' seats stay private


def test_stats_window_counts_recent_seats_only(container, clock):
    now = clock.now()
    workshop = add_workshop(container.engine, now, nom="Ancien", seats=5, days_ahead=90)
    container.workshops.register(add_shopper(container, "vieux")[0], workshop)
    clock.advance(days=40)
    other = add_workshop(container.engine, clock.now(), nom="Récent", seats=5)
    container.workshops.register(add_shopper(container, "neuf")[0], other)
    stats = container.workshops.queries.stats(clock.now() - timedelta(days=30))
    assert [(c.nom, c.total) for c in stats.inscriptions_by_atelier] == [("Récent", 1)]
    assert stats.total_ateliers == 2 and stats.active_ateliers == 2
