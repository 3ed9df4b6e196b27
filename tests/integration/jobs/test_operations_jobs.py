"""Jobs on a real database: low-stock e-mail content, code purge, CSV export."""

from __future__ import annotations

import argparse
import csv
import re
from decimal import Decimal

import sqlalchemy as sa

from chezflora.entrypoints.cli.export import run_export
from chezflora.entrypoints.cli.seeding import ensure_admin
from chezflora.entrypoints.worker import jobs
from tests.integration.helpers import outbox_messages
from tests.integration.rows import add_category, add_product


def add_products(container, stocks: dict[str, tuple[int, bool]]) -> None:
    category = add_category(container.engine, "Bouquets")
    for nom, (stock, active) in stocks.items():
        add_product(container.engine, category, nom, "15000.00", stock, is_active=active)


def test_low_stock_alert_lists_active_products_under_the_threshold(container):
    ensure_admin(container, "patron", "patron@chezflora.cm", "motdepasse-1")
    add_products(
        container,
        {"Roses rouges": (2, True), "Orchidée": (0, True), "Lys": (5, True), "Ancien": (0, False)},
    )

    report = jobs.low_stock(container)

    assert (report.products, report.emails) == (3, 1)  # type: ignore[attr-defined]
    [message] = outbox_messages(container)
    body = message.get_payload(decode=True).decode()
    assert message["To"] == "patron@chezflora.cm"
    assert message["Subject"] == "Alerte stock faible : 3 produits au seuil de 5 ou en dessous"
    assert re.search(
        r"- Orchidée \(n° \d+\) : 0 en stock\n.*- Roses rouges \(n° \d+\) : 2.*- Lys", body, re.S
    )
    assert "Ancien" not in body


def test_purge_codes_job_deletes_expired_codes(container, client, clock):
    client.post(
        "/api/register/",
        json={"username": "gisele", "email": "gisele@example.cm", "password": "motdepasse-1"},
    )
    assert jobs.purge_codes(container) == {"codes_supprimes": 0}
    clock.advance(minutes=11)
    assert jobs.purge_codes(container) == {"codes_supprimes": 1}


def test_csv_export_of_products(container, tmp_path):
    add_products(container, {"Roses rouges": (2, True)})
    output = tmp_path / "produits.csv"
    settings = container.settings

    code = run_export(argparse.Namespace(name="products", output=output, delimiter=";"), settings)

    assert code == 0
    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:5] == ["id", "nom", "categorie", "prix", "stock"]
    assert rows[1][1:6] == ["Roses rouges", "Bouquets", "15000.00", "2", "oui"]
    assert len(rows) == 2


def test_run_job_cli_runs_subscription_billing_and_refuses_unknown_jobs(container, capsys):
    from chezflora.entrypoints.cli.jobs import run_job

    assert run_job(argparse.Namespace(name="subscription-billing"), container.settings) == 0
    assert run_job(argparse.Namespace(name="quote-expiry"), container.settings) == 0
    assert "quote-expiry : {'devis_expires': 0}" in capsys.readouterr().out
    assert run_job(argparse.Namespace(name="no-such-job"), container.settings) == 1
    assert "unknown job 'no-such-job'" in capsys.readouterr().out


def test_csv_exports_of_orders_and_payments_name_the_client(container, client, tmp_path):
    from datetime import UTC, datetime

    from chezflora.adapters.sqlalchemy.tables.shopping import orders, payments
    from tests.integration.helpers import make_client

    client_id, _ = make_client(client, container, "amina")
    now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    with container.engine.begin() as conn:
        order_id = conn.execute(
            sa.insert(orders).values(
                client_id=client_id,
                date=now,
                statut="en_attente",
                total=Decimal("2500.00"),
                date_mise_a_jour=now,
                is_active=True,
                stock_restored=False,
                version=1,
            )
        ).inserted_primary_key[0]
        conn.execute(
            sa.insert(payments).values(
                commande_id=order_id,
                utilisateur_id=client_id,
                type_transaction="commande",
                montant=Decimal("2500.00"),
                date=now,
                statut="simule",
                is_active=True,
                date_mise_a_jour=now,
            )
        )
    for name, expected in (
        ("orders", ["amina", "en_attente", "2500.00"]),
        ("payments", ["amina", "commande", "2500.00", "simule"]),
    ):
        output = tmp_path / f"{name}.csv"
        args = argparse.Namespace(name=name, output=output, delimiter=";")
        assert run_export(args, container.settings) == 0
        with output.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle, delimiter=";"))
        assert len(rows) == 2
        assert all(value in rows[1] for value in expected), rows
