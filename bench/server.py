"""Preparing a benchmark database and running the API under a chosen ASGI server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pymysql
import sqlalchemy as sa

CLI = [sys.executable, "-m", "chezflora.entrypoints.cli"]


def bench_environment(database_url: str, data_dir: Path, redis_url: str = "") -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "CHEZFLORA_DATABASE_URL": database_url,
            "CHEZFLORA_DATA_DIR": str(data_dir),
            "CHEZFLORA_THROTTLE_ENABLED": "false",
            "CHEZFLORA_LOG_LEVEL": "WARNING",
            "CHEZFLORA_JWT_SECRET": "bench-secret-bench-secret-bench-secret",
            "CHEZFLORA_REDIS_URL": redis_url,
        }
    )
    return env


def recreate_database(database_url: str) -> None:
    url = sa.make_url(database_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database or "").unlink(missing_ok=True)
        return
    connection = pymysql.connect(
        host=url.host, port=url.port or 3306, user=url.username, password=url.password or ""
    )
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {url.database}")
        cursor.execute(f"CREATE DATABASE {url.database} CHARACTER SET utf8mb4")
    connection.close()


def prepare(env: dict[str, str], products: int) -> None:
    recreate_database(env["CHEZFLORA_DATABASE_URL"])
    subprocess.run([*CLI, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*CLI, "seed", "--products", str(products)], env=env, check=True, capture_output=True
    )


@dataclass(frozen=True)
class Served:
    base: str
    pid: int  # the server's main process; its workers are its children


@contextmanager
def serving(env: dict[str, str], server: str, workers: int, port: int) -> Iterator[Served]:
    base = f"http://127.0.0.1:{port}"
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            # Another server (an earlier, interrupted bench?) would answer in ours' place.
            raise SystemExit(f"port {port} is already in use: stop what listens there first")
    command = [*CLI, "serve", "--server", server, "--workers", str(workers), "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_healthy(base, process)
        yield Served(base, process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_healthy(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(
                f"server exited: {process.stderr.read().decode() if process.stderr else ''}"
            )
        try:
            with urllib.request.urlopen(f"{base}/api/health/", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("server did not become healthy in 60 s")
