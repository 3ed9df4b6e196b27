"""`python -m bench`: seed a catalogue on MariaDB, serve it, load it with wrk, record figures."""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.checkout import prepare_customers, run_flow, stock_up
from bench.cpu import CpuMeter
from bench.logins import measure_logins
from bench.mixed import run_mixed
from bench.scenarios import admin_token, catalogue_targets, first_products
from bench.server import bench_environment, prepare, serving
from bench.workshops import add_workshops, run_registrations
from bench.wrk import LoadResult, run_wrk

RESULTS = Path(__file__).parent / "results"
# More workshops than one client can register for in a run, 1,000 seats each.
WORKSHOPS = 5_000


def main() -> None:
    args = _parser().parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="chezflora-bench-"))
    env = bench_environment(args.database_url, data_dir, args.redis_url)
    prepare(env, args.products)
    report: dict[str, Any] = {
        "date": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "products": args.products,
        "connections": args.connections,
        "duration_s": args.duration,
        "workers": args.workers,
        "redis": bool(args.redis_url),
        "servers": {},
    }
    for server in args.servers:
        report["servers"][server] = _measure(env, server, args)
    if args.scale:
        report["scale"] = _scale(env, args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    _print(report, args.output)


def _measure(env: dict[str, str], server: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with serving(env, server, args.workers, args.port) as served:
        base = served.base
        for name, url, _ in [] if args.writes_only else catalogue_targets(base, env):
            run_wrk(name, url, connections=args.connections, duration=2)  # warm-up
            rows.append(_load(name, url, args).as_dict())
        # One customer per connection, one more for the step probe and one who only browses.
        customers = prepare_customers(base, admin_token(base, env), args.connections + 2)
        probe, browser = customers[-2], customers[-1]
        customers = customers[: args.connections]
        if not args.writes_only:
            rows.extend(_cart_and_logins(base, customers, args))
        products = first_products(base, len(customers) + 1)
        stock_up(env["CHEZFLORA_DATABASE_URL"], products)
        rows.append(
            run_flow(
                base,
                customers,
                products[:-1],
                args.duration,
                (probe, products[-1]),
                repeat=args.repeat,
                meter=CpuMeter.for_server(served.pid),
            )
        )
        if args.mixed:
            mixed = run_mixed(
                base,
                browser,
                customers[: args.mixed_buyers],
                products,
                browsing=args.connections - args.mixed_buyers,
                duration=args.duration,
                repeat=args.repeat,
            )
            rows.append({"name": "mixed", **mixed})
        if not args.writes_only:
            # Fresh workshops per server: the customers of an earlier run are registered already.
            first = add_workshops(env["CHEZFLORA_DATABASE_URL"], WORKSHOPS)
            rows.append(run_registrations(base, customers, first, WORKSHOPS, args.duration))
    return rows


def _cart_and_logins(
    base: str, customers: list[dict[str, Any]], args: argparse.Namespace
) -> list[dict[str, Any]]:
    cart_headers = {"Authorization": f"Bearer {customers[0]['token']}"}
    url = f"{base}/api/paniers/mon_panier/"
    run_wrk("warm-up", url, connections=args.connections, duration=2, headers=cart_headers)
    cart = _load("GET /api/paniers/mon_panier/", url, args, cart_headers).as_dict()
    return [cart, measure_logins(base, len(customers))]


def _load(
    name: str, url: str, args: argparse.Namespace, headers: dict[str, str] | None = None
) -> LoadResult:
    return run_wrk(name, url, connections=args.connections, duration=args.duration, headers=headers)


def _scale(env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    """The list page at 1,000 and at 100,000 products (target: at most 1.5× slower)."""
    figures: dict[str, Any] = {}
    for size in (1_000, 100_000):
        prepare(env, size)
        with serving(env, args.servers[0], args.workers, args.port) as served:
            url = f"{served.base}/api/produits/"
            run_wrk("warm-up", url, connections=args.connections, duration=2)
            figures[str(size)] = run_wrk(
                f"list@{size}", url, connections=args.connections, duration=args.duration
            ).as_dict()
    small, large = figures["1000"], figures["100000"]
    figures["slowdown_p50"] = round(large["p50_ms"] / max(small["p50_ms"], 0.001), 2)
    figures["throughput_ratio"] = round(
        small["requests_per_second"] / max(large["requests_per_second"], 0.001), 2
    )
    return figures


def _print(report: dict[str, Any], output: Path) -> None:
    print(
        f"\n{report['products']} products, {report['connections']} connections, "
        f"{report['workers']} workers, {report['duration_s']} s per endpoint"
    )
    for server, rows in report["servers"].items():
        print(f"\n[{server}]")
        print(f"{'endpoint':<34}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>10}")
        for row in rows:
            if row["name"] == "mixed":
                _print_mixed(row)
                continue
            if "unloaded_p50_ms" in row:
                print(
                    f"{row['name'][:33]:<34}p50 alone {row['unloaded_p50_ms']} ms, "
                    f"with {row['concurrent']} at once p50 {row['concurrent_p50_ms']} ms, "
                    f"p99 {row['concurrent_p99_ms']} ms, {row['logins_per_second']} logins/s"
                )
                continue
            print(
                f"{row['name'][:33]:<34}{row['requests_per_second']:>10.0f}{row['p50_ms']:>10.2f}"
                f"{row['p99_ms']:>10.2f}{row['non_2xx']:>10}"
            )
            if "registrations_per_second" in row:
                print(
                    f"{'  → registrations/s':<34}{row['registrations_per_second']:>10.1f}"
                    f"   (registrations {row['registrations']}, refused {row['refused']})"
                )
            if "flows_per_second" in row:
                print(
                    f"{'  → complete flows/s':<34}{row['flows_per_second']:>10.1f}"
                    f"   (flows {row['flows']}, failed steps {row['flow_failures']})"
                )
                _print_runs(row)
            for step, figures in row.get("steps", {}).items():
                if isinstance(figures, dict):
                    print(
                        f"{'  → ' + step + ' (probe)':<34}{'':>10}{figures['p50_ms']:>10.2f}"
                        f"{figures['p99_ms']:>10.2f}   ({figures['samples']} samples)"
                    )
    if "scale" in report:
        scale = report["scale"]
        print(
            f"\nscale: p50 slowdown 1k→100k = {scale['slowdown_p50']}×, "
            f"throughput ratio = {scale['throughput_ratio']}×"
        )
    print(f"\nwritten to {output}")


def _print_runs(row: dict[str, Any]) -> None:
    runs = row.get("runs", [])
    if len(runs) > 1:
        rates = ", ".join(f"{run['flows_per_second']:.1f}" for run in runs)
        print(f"{'  → every run, flows/s':<34}{rates}")
    cpu = [run for run in runs if "server_cpu_ms_per_flow" in run]
    if cpu:
        server = ", ".join(f"{run['server_cpu_ms_per_flow']:.1f}" for run in cpu)
        database = ", ".join(f"{run['mariadb_cpu_ms_per_flow']:.1f}" for run in cpu)
        print(f"{'  → CPU ms/flow: server':<34}{server}   (MariaDB: {database})")


def _print_mixed(row: dict[str, Any]) -> None:
    for key in ("browsing_alone", "browsing_mixed", "checkout_beside"):
        part = row[key]
        print(
            f"{part['name'][:33]:<34}{part['requests_per_second']:>10.0f}{part['p50_ms']:>10.2f}"
            f"{part['p99_ms']:>10.2f}{part['non_2xx']:>10}"
        )
    beside = row["checkout_beside"]
    print(
        f"{'  → browsing kept':<34}{row['browsing_kept'] * 100:>9.0f}%"
        f"   (checkout beside: {beside['flows_per_second']} flows/s)"
    )
    runs = row.get("runs", [])
    if len(runs) > 1:
        kept = ", ".join(f"{run['browsing_kept'] * 100:.0f}%" for run in runs)
        print(f"{'  → every run, kept':<34}{kept}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--database-url", default="mysql+pymysql://root@127.0.0.1:3306/chezflora_bench"
    )
    # Production runs with Redis, so the bench does too ("" measures without it).
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--servers", nargs="+", default=["granian", "uvicorn"])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="runs of the checkout flow and of the mixed pair; the median run is reported",
    )
    parser.add_argument(
        "--scale", action="store_true", help="also compare 1,000 vs 100,000 products"
    )
    parser.add_argument(
        "--no-mixed", dest="mixed", action="store_false", help="skip browsing-while-buying"
    )
    parser.add_argument("--mixed-buyers", type=int, default=2)
    parser.add_argument(
        "--writes-only",
        action="store_true",
        help="only the checkout flow and the mixed scenario (no read, login or workshop rows)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    return parser


if __name__ == "__main__":
    main()
