"""Authenticated scenarios: `mon_panier` reads and the add → checkout → pay flow, per customer."""

from __future__ import annotations

import http.client
import json
import re
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.cpu import CpuMeter
from bench.wrk import ensure_wrk, parse

LUA = Path(__file__).with_name("checkout_flow.lua")
WARM_UP_SECONDS = 2


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


def flow_script(customers: list[dict[str, Any]], product_ids: list[int]) -> Path:
    users = ", ".join(
        f'{{token="{c["token"]}", cart={c["cart"]}, address={c["address"]}, product={p}}}'
        for c, p in zip(customers, product_ids, strict=True)
    )
    script = f'RUN = "{uuid.uuid4().hex}"\nUSERS = {{ {users} }}\n' + LUA.read_text()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    return Path(handle.name)


def start_flow(base: str, script: Path, count: int, duration: int) -> subprocess.Popen[str]:
    command = [ensure_wrk(), f"-t{count}", f"-c{count}", f"-d{duration}s", "--latency"]
    return subprocess.Popen([*command, "-s", str(script), base], stdout=subprocess.PIPE, text=True)


def flow_result(name: str, base: str, output: str, duration: int) -> dict[str, Any]:
    result = parse(name, base, output).as_dict()
    flows = re.search(r"FLOWS (\d+) FAILURES (\d+)", output)
    result["flows"] = int(flows.group(1)) if flows else 0
    result["flow_failures"] = int(flows.group(2)) if flows else 0
    result["flows_per_second"] = round(result["flows"] / duration, 1)
    return result


class StepProbe(threading.Thread):
    """One more customer running the same flow on its own keep-alive connection, timing each
    step (wrk's scripts cannot time single requests): per-step latency under the load."""

    def __init__(self, base: str, customer: dict[str, Any], product: int):
        super().__init__(daemon=True)
        self._url = urllib.parse.urlsplit(base)
        self._customer, self._product = customer, product
        self._stopped = threading.Event()
        self.timings: dict[str, list[float]] = {
            "ajouter_produit": [],
            "valider_panier": [],
            "simuler": [],
        }
        self.failures = 0

    def _post(
        self,
        conn: http.client.HTTPConnection,
        step: str,
        path: str,
        body: Any,
        extra: dict[str, str] | None = None,
    ) -> tuple[int, Any]:
        headers = {
            "Authorization": f"Bearer {self._customer['token']}",
            "Content-Type": "application/json",
            **(extra or {}),
        }
        started = time.perf_counter()
        conn.request(
            "POST", path, body=json.dumps(body) if body is not None else None, headers=headers
        )
        response = conn.getresponse()
        raw = response.read()
        self.timings[step].append((time.perf_counter() - started) * 1000)
        return response.status, json.loads(raw) if raw else None

    def run(self) -> None:
        conn = http.client.HTTPConnection(self._url.hostname, self._url.port, timeout=10)
        cart, run = self._customer["cart"], uuid.uuid4().hex
        number = 0
        while not self._stopped.is_set():
            number += 1
            status, _ = self._post(
                conn,
                "ajouter_produit",
                f"/api/paniers/{cart}/ajouter_produit/",
                {"produit_id": self._product, "quantite": 1},
            )
            if status >= 300:
                self.failures += 1
                continue
            status, placed = self._post(
                conn,
                "valider_panier",
                f"/api/paniers/{cart}/valider_panier/",
                {"adresse_id": self._customer["address"]},
                {"Idempotency-Key": f"probe-{run}-{number}"},
            )
            if status >= 300:
                self.failures += 1
                continue
            status, _ = self._post(
                conn, "simuler", f"/api/paiements/{placed['paiement_id']}/simuler/", None
            )
            if status >= 300:
                self.failures += 1
        conn.close()

    def stop(self) -> None:
        self._stopped.set()
        self.join()

    def summary(self) -> dict[str, Any]:
        figures: dict[str, Any] = {"probe_failures": self.failures}
        for step, samples in self.timings.items():
            ordered = sorted(samples)
            if not ordered:
                continue
            figures[step] = {
                "samples": len(ordered),
                "p50_ms": round(ordered[len(ordered) // 2], 2),
                "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 2),
            }
        return figures


def run_flow(
    base: str,
    customers: list[dict[str, Any]],
    product_ids: list[int],
    duration: int,
    probe: tuple[dict[str, Any], int] | None = None,
    *,
    repeat: int = 1,
    meter: CpuMeter | None = None,
) -> dict[str, Any]:
    """The flow on every customer's connection (wrk), `repeat` times: the run with the median
    flows/s is the row, every run is listed under "runs" (a shared host's throughput swings by
    a quarter from one run to the next). `probe`: one more customer timing each step over all
    the runs. `meter`: the server's and MariaDB's CPU milliseconds per flow, run by run."""
    # Warm-up, as before every other scenario: the first flows open the pool's connections and
    # compile the prepared statements, which is start-up cost, not the steady state measured.
    script = flow_script(customers, product_ids)
    start_flow(base, script, len(customers), WARM_UP_SECONDS).communicate()
    script.unlink()
    prober = None if probe is None else StepProbe(base, probe[0], probe[1])
    if prober is not None:
        prober.start()
    runs = []
    for _ in range(repeat):
        script = flow_script(customers, product_ids)  # its own RUN: keys never replay
        before = meter.read() if meter is not None else None
        output, _ = start_flow(base, script, len(customers), duration).communicate()
        script.unlink()
        run = flow_result(
            "checkout flow (add → valider_panier+key → simuler)", base, output, duration
        )
        if meter is not None and before is not None and run["flows"]:
            server, database = CpuMeter.spent(before, meter.read())
            run["server_cpu_ms_per_flow"] = round(server * 1000 / run["flows"], 2)
            run["mariadb_cpu_ms_per_flow"] = round(database * 1000 / run["flows"], 2)
        runs.append(run)
    if prober is not None:
        prober.stop()
    result = dict(sorted(runs, key=lambda run: run["flows_per_second"])[len(runs) // 2])
    result["runs"] = [
        {key: value for key, value in run.items() if key not in ("name", "url")} for run in runs
    ]
    if prober is not None:
        result["steps"] = prober.summary()
    return result
