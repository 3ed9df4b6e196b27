"""`chezflora worker` and `chezflora scheduler`."""

from __future__ import annotations

import argparse
from typing import Any

from chezflora.bootstrap import build_container
from chezflora.config import Settings


def register(commands: Any) -> None:
    worker = commands.add_parser("worker", help="run the Dramatiq worker (needs Redis)")
    worker.add_argument("--threads", type=int, default=None, help="default: WORKER_THREADS")
    worker.set_defaults(handler=run_worker)
    scheduler = commands.add_parser("scheduler", help="fire the periodic jobs (run exactly one)")
    scheduler.set_defaults(handler=run_scheduler)


def run_worker(args: argparse.Namespace, settings: Settings) -> int:
    from chezflora.entrypoints.worker.broker import serve_until_signalled

    if not settings.redis_url:
        print(
            "CHEZFLORA_REDIS_URL n'est pas défini : sans Redis, l'API exécute elle-même "
            "les tâches (e-mails) ; lancez `chezflora scheduler` pour les tâches périodiques."
        )
        return 2
    container = build_container(settings)
    try:
        return serve_until_signalled(container, args.threads or settings.worker_threads)
    finally:
        container.close()


def run_scheduler(args: argparse.Namespace, settings: Settings) -> int:
    from chezflora.entrypoints.worker.scheduler import run_scheduler as serve

    # Without Redis nothing would consume enqueued messages here: deliver e-mails inline.
    container = build_container(settings, inline_email=not settings.redis_url)
    try:
        return serve(container)
    finally:
        container.close()
