"""`python -m bench.profile_writes`: CPU profile of the checkout flow's write requests in process.

Runs add → checkout (Idempotency-Key) → pay N times through the ASGI app (Litestar's async test
client, no network) on a MariaDB database, everything on one thread so cProfile sees it all:
the worker-thread hop of `blocking` handlers is replaced by a direct call while profiling (its
own cost is measured separately, `--hop`). The client's frames are in the totals: compare runs.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import pstats
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx

from bench.server import bench_environment, prepare
from chezflora.bootstrap import build_container
from chezflora.config import Settings
from chezflora.entrypoints.http.app import create_app


def main() -> None:
    logging.getLogger("httpx").setLevel(logging.WARNING)
    parser = argparse.ArgumentParser(prog="python -m bench.profile_writes")
    parser.add_argument(
        "--database-url", default="mysql+pymysql://root@127.0.0.1:3306/chezflora_profile"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/3")
    parser.add_argument("--flows", type=int, default=300)
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--hop", action="store_true", help="keep the worker-thread hop")
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="chezflora-profile-"))
    env = bench_environment(args.database_url, data_dir, args.redis_url)
    prepare(env, 50)
    settings = Settings(
        data_dir=data_dir,
        database_url=args.database_url,
        redis_url=args.redis_url,
        jwt_secret="profile-secret-profile-secret-profile",
        throttle_enabled=False,
    )
    container = build_container(settings)
    admin = (data_dir / "admin-password").read_text().strip()
    if not args.hop:
        anyio.to_thread.run_sync = _inline  # type: ignore[assignment]
    elapsed, profiler = asyncio.run(_profile(container, admin, args.flows))
    container.close()
    mode = "worker-thread hop" if args.hop else "handlers called inline"
    print(f"{args.flows} flows ({mode}): {elapsed / args.flows / 3 * 1000:.2f} ms/request")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


async def _inline(function: Any, *args: Any, **_: Any) -> Any:
    return function(*args)


async def _profile(container: Any, admin: str, flows: int) -> tuple[float, cProfile.Profile]:
    transport = httpx.ASGITransport(app=create_app(container))  # same thread, same loop
    async with httpx.AsyncClient(transport=transport, base_url="http://bench.local") as client:
        token = (
            await client.post("/api/token/", json={"username": "admin", "password": admin})
        ).json()
        auth = {"Authorization": f"Bearer {token['access']}"}
        cart = (await client.get("/api/paniers/mon_panier/", headers=auth)).json()["id"]
        product = (await client.get("/api/produits/?per_page=1")).json()["results"][0]["id"]
        await client.patch(f"/api/produits/{product}/", json={"stock": 1_000_000}, headers=auth)
        address = await client.post(
            "/api/adresses/",
            json={"nom": "M", "rue": "r", "ville": "v", "code_postal": "1", "pays": "CM"},
            headers=auth,
        )
        address = address.json()["id"]
        run = uuid.uuid4().hex

        async def flow(number: int) -> None:
            added = await client.post(
                f"/api/paniers/{cart}/ajouter_produit/", json={"produit_id": product}, headers=auth
            )
            assert added.status_code in (200, 201), added.text
            placed = await client.post(
                f"/api/paniers/{cart}/valider_panier/",
                json={"adresse_id": address},
                headers={**auth, "Idempotency-Key": f"{run}-{number}"},
            )
            assert placed.status_code == 201, placed.text
            paid = await client.post(
                f"/api/paiements/{placed.json()['paiement_id']}/simuler/", headers=auth
            )
            assert paid.status_code == 200, paid.text

        for number in range(20):  # warm-up
            await flow(number)
        profiler = cProfile.Profile()
        started = time.perf_counter()
        profiler.enable()
        for number in range(20, 20 + flows):
            await flow(number)
        profiler.disable()
        return time.perf_counter() - started, profiler


if __name__ == "__main__":
    main()
