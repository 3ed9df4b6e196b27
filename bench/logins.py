"""Login latency (argon2id verify + token): alone, then under 16 concurrent logins."""

from __future__ import annotations

import json
import statistics
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from typing import Any

PASSWORD = "bench-password-1"  # what `prepare_customers` gives every bench customer


def _log_in(base: str, username: str) -> float:
    body = json.dumps({"username": username, "password": PASSWORD}).encode()
    request = urllib.request.Request(
        f"{base}/api/token/", data=body, headers={"content-type": "application/json"}
    )
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * fraction))], 1)


def measure_logins(base: str, customers: int, rounds: int = 8) -> dict[str, Any]:
    """p50 of 20 logins one at a time, then p50/p99 with `customers` logging in at once."""
    alone = [_log_in(base, "bench0") for _ in range(20)]

    def one_customer(index: int) -> list[float]:
        return [_log_in(base, f"bench{index}") for _ in range(rounds)]

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=customers) as pool:
        together = [ms for run in pool.map(one_customer, range(customers)) for ms in run]
    elapsed = time.perf_counter() - started
    return {
        "name": "POST /api/token/ (login)",
        "unloaded_p50_ms": round(statistics.median(alone), 1),
        "concurrent": customers,
        "concurrent_p50_ms": _percentile(together, 0.5),
        "concurrent_p99_ms": _percentile(together, 0.99),
        "logins_per_second": round(len(together) / elapsed, 1),
    }
