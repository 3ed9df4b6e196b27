"""The quote-expiry job: stale soumis/en_cours quotes expire and their client is told, once."""

from __future__ import annotations

import argparse
import threading

from chezflora.entrypoints.worker.jobs import run
from tests.integration.helpers import make_admin, make_client
from tests.integration.rows import emails
from tests.integration.services_helpers import act, make_quote, make_service, proposed_quote


def _world(client, container):
    _, alice = make_client(client, container, "alice")
    _, admin = make_admin(client, container)
    service = make_service(client, admin)
    answered = proposed_quote(client, alice, admin, service)
    submitted = make_quote(client, alice, service)
    assert act(client, alice, submitted, "soumettre").status_code == 200
    draft = make_quote(client, alice, service)
    decided = proposed_quote(client, alice, admin, service)
    assert act(client, alice, decided, "refuser").status_code == 200
    return {"answered": answered, "submitted": submitted, "draft": draft, "decided": decided}


def _statuses(client, container) -> dict[int, str]:
    _, admin = make_admin(client, container)
    listed = client.get("/api/devis/?per_page=100", headers={"Authorization": f"Bearer {admin}"})
    return {q["id"]: q["statut"] for q in listed.json()["results"]}


def test_expiry_waits_for_the_date_then_expires_and_mails_once(client, container, clock):
    quotes = _world(client, container)
    clock.advance(days=29, hours=23)
    assert run(container, "quote-expiry") == {"devis_expires": 0}
    clock.advance(hours=1)
    assert run(container, "quote-expiry") == {"devis_expires": 2}
    assert run(container, "quote-expiry") == {"devis_expires": 0}
    statuses = _statuses(client, container)
    assert statuses[quotes["answered"]] == statuses[quotes["submitted"]] == "expire"
    assert statuses[quotes["draft"]] == "brouillon" and statuses[quotes["decided"]] == "refuse"
    sent = emails(container.engine, "devis_expire")
    assert sorted(e.context["devis_id"] for e in sent) == sorted(
        [quotes["answered"], quotes["submitted"]]
    )
    assert {e.recipient for e in sent} == {"alice@example.cm"}
    answered = next(e for e in sent if e.context["devis_id"] == quotes["answered"])
    assert answered.context["prix_propose"] == "45000.00"


def test_concurrent_runs_expire_and_mail_each_quote_once(client, container, clock):
    _world(client, container)
    clock.advance(days=31)
    reports: list[object] = []
    barrier = threading.Barrier(4)

    def work() -> None:
        barrier.wait()
        reports.append(container.services.expire_quotes())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(r["devis_expires"] for r in reports) == 2  # type: ignore[index]
    assert len(emails(container.engine, "devis_expire")) == 2


def test_run_job_command(client, container, clock, capsys):
    from chezflora.entrypoints.cli.jobs import run_job

    _world(client, container)
    clock.advance(days=31)
    # The command builds its own container (system clock) and runs the registry's job.
    assert run_job(argparse.Namespace(name="quote-expiry"), container.settings) == 0
    assert "devis_expires" in capsys.readouterr().out
