"""Authenticated scenarios: `mon_panier` reads and the add → checkout → pay flow, per customer."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.wrk import ensure_wrk, parse

LUA = Path(__file__).with_name("checkout_flow.lua")


def _call(base: str, method: str, path: str, token: str | None = None, body: Any = None) -> Any:
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        raw = response.read()
    return json.loads(raw) if raw else None


def prepare_customers(base: str, admin_token: str, count: int) -> list[dict[str, Any]]:
    """`count` customers with a token, a cart and a default address (reused when they exist)."""
    customers = []
    for index in range(count):
        name, password = f"bench{index}", "bench-password-1"
        try:
            _call(
                base,
                "POST",
                "/api/utilisateurs/",
                admin_token,
                {"username": name, "email": f"{name}@bench.cm", "password": password},
            )
        except urllib.error.HTTPError as exc:
            if exc.code != 400:  # 400: the account exists from an earlier server's run
                raise
        token = _call(base, "POST", "/api/token/", body={"username": name, "password": password})[
            "access"
        ]
        cart = _call(base, "GET", "/api/paniers/mon_panier/", token)["id"]
        known = _call(base, "GET", "/api/adresses/", token)["results"]
        address = (
            known[0]["id"]
            if known
            else _call(
                base,
                "POST",
                "/api/adresses/",
                token,
                {
                    "nom": "Maison",
                    "rue": "Rue de la Joie",
                    "ville": "Douala",
                    "code_postal": "00237",
                    "pays": "Cameroun",
                    "is_default": True,
                },
            )["id"]
        )
        customers.append({"token": token, "cart": cart, "address": address})
    return customers


def stock_up(database_url: str, product_ids: list[int]) -> None:
    """Enough stock that the flow never runs dry during the measurement."""
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        for product_id in product_ids:
            conn.execute(
                sa.text("UPDATE products SET stock = 100000000 WHERE id = :id"), {"id": product_id}
            )
    engine.dispose()


def run_flow(
    base: str, customers: list[dict[str, Any]], product_ids: list[int], duration: int
) -> dict[str, Any]:
    users = ", ".join(
        f'{{token="{c["token"]}", cart={c["cart"]}, address={c["address"]}, product={p}}}'
        for c, p in zip(customers, product_ids, strict=True)
    )
    script = f"USERS = {{ {users} }}\n" + LUA.read_text()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    count = len(customers)
    command = [
        ensure_wrk(),
        f"-t{count}",
        f"-c{count}",
        f"-d{duration}s",
        "--latency",
        "-s",
        handle.name,
        base,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    Path(handle.name).unlink()
    result = parse("checkout flow (add → valider_panier → simuler)", base, output).as_dict()
    flows = re.search(r"FLOWS (\d+) FAILURES (\d+)", output)
    result["flows"] = int(flows.group(1)) if flows else 0
    result["flow_failures"] = int(flows.group(2)) if flows else 0
    result["flows_per_second"] = round(result["flows"] / duration, 1)
    return result
