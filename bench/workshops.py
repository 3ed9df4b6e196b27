"""`s_inscrire` under load: many workshops with many seats, so seats never run out."""

from __future__ import annotations

import re
import subprocess
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.wrk import ensure_wrk, parse

LUA = Path(__file__).with_name("workshop_flow.lua")


def add_workshops(database_url: str, count: int) -> int:
    """`count` fresh workshops a year ahead with 1,000 seats each; returns the first id (the ids
    are consecutive: one multi-row insert into an empty range)."""
    engine = sa.create_engine(database_url)
    now = datetime.now(UTC).replace(tzinfo=None)
    rows = [
        {
            "nom": f"Atelier bench {i}",
            "description": "Mesure",
            "date": now + timedelta(days=365),
            "duree": 60,
            "prix": 5000,
            "places_totales": 1000,
            "places_prises": 0,
            "is_active": True,
            "date_creation": now,
            "date_mise_a_jour": now,
        }
        for i in range(count)
    ]
    with engine.begin() as conn:
        before = conn.execute(sa.text("SELECT COALESCE(MAX(id), 0) FROM workshops")).scalar_one()
        conn.execute(
            sa.text(
                "INSERT INTO workshops (nom, description, date, duree, prix, places_totales,"
                " places_prises, is_active, date_creation, date_mise_a_jour) VALUES (:nom,"
                " :description, :date, :duree, :prix, :places_totales, :places_prises,"
                " :is_active, :date_creation, :date_mise_a_jour)"
            ),
            rows,
        )
        first = conn.execute(
            sa.text("SELECT MIN(id) FROM workshops WHERE id > :before"), {"before": before}
        ).scalar_one()
    engine.dispose()
    return int(first)


def run_registrations(
    base: str, customers: list[dict[str, Any]], first: int, count: int, duration: int
) -> dict[str, Any]:
    users = ", ".join(f'{{token="{c["token"]}"}}' for c in customers)
    script = f"USERS = {{ {users} }}\nFIRST = {first}\nCOUNT = {count}\n" + LUA.read_text()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    clients = len(customers)
    command = [
        ensure_wrk(),
        f"-t{clients}",
        f"-c{clients}",
        f"-d{duration}s",
        "--latency",
        "-s",
        handle.name,
        base,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(handle.name).unlink()
    result = parse("POST /api/ateliers/{id}/s_inscrire/", base, output).as_dict()
    found = re.search(r"REGISTRATIONS (\d+) REFUSED (\d+)", output)
    result["registrations"] = int(found.group(1)) if found else 0
    result["refused"] = int(found.group(2)) if found else 0
    result["registrations_per_second"] = round(result["registrations"] / duration, 1)
    return result
