"""Mixed traffic: people browsing (product list, detail, categories, mon_panier) while others buy.

Browsing alone is measured first, then the same browsing with the checkout flow running beside
it on other connections; the report gives both, and the share of browsing throughput kept.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from bench.checkout import flow_result, flow_script, start_flow
from bench.wrk import run_wrk

LUA = Path(__file__).with_name("browse.lua")


def browse_script(token: str, products: list[int]) -> Path:
    ids = ", ".join(str(p) for p in products)
    script = f'TOKEN = "{token}"\nPRODUCTS = {{ {ids} }}\n' + LUA.read_text()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    return Path(handle.name)


def run_mixed(
    base: str,
    browser: dict[str, Any],
    buyers: list[dict[str, Any]],
    products: list[int],
    *,
    browsing: int,
    duration: int,
    repeat: int = 1,
) -> dict[str, Any]:
    """`browsing` connections browse; `len(buyers)` more run add → checkout → pay. Alone then
    mixed, `repeat` pairs: the pair with the median share kept is the row, all listed in "runs"."""
    script = browse_script(browser["token"], products)
    url = f"{base}/"
    run_wrk("warm-up", url, connections=browsing, duration=2, script=script)
    runs = []
    for _ in range(repeat):
        alone = run_wrk(
            "browsing alone", url, connections=browsing, duration=duration, script=script
        ).as_dict()
        flow = flow_script(buyers, products[: len(buyers)])  # its own RUN: keys never replay
        buying = start_flow(base, flow, len(buyers), duration)
        mixed = run_wrk(
            "browsing while others buy",
            url,
            connections=browsing,
            duration=duration,
            script=script,
        ).as_dict()
        output, _ = buying.communicate()
        flow.unlink()
        kept = mixed["requests_per_second"] / max(alone["requests_per_second"], 0.001)
        runs.append(
            {
                "browsing_alone": alone,
                "browsing_mixed": mixed,
                "checkout_beside": flow_result("checkout beside browsing", base, output, duration),
                "browsing_kept": round(kept, 3),
            }
        )
    script.unlink()
    result = dict(sorted(runs, key=lambda run: run["browsing_kept"])[len(runs) // 2])
    result["runs"] = [
        {
            "browsing_kept": run["browsing_kept"],
            "browsing_alone_rps": run["browsing_alone"]["requests_per_second"],
            "browsing_mixed_rps": run["browsing_mixed"]["requests_per_second"],
            "browsing_mixed_p99_ms": run["browsing_mixed"]["p99_ms"],
            "checkout_beside_flows_per_second": run["checkout_beside"]["flows_per_second"],
        }
        for run in runs
    ]
    return result
