"""`chezflora migrate` and `chezflora seed`."""

from __future__ import annotations

import argparse
from typing import Any

from chezflora.bootstrap import build_container
from chezflora.bootstrap.from_settings import maintenance
from chezflora.config import Settings
from chezflora.entrypoints.cli.seeding import SEEDERS, seed_parameters


def register(commands: Any) -> None:
    migrate = commands.add_parser("migrate", help="apply database migrations up to head")
    migrate.set_defaults(handler=run_migrate)
    seed = commands.add_parser("seed", help="parameters, the admin account and the demo catalogue")
    seed.add_argument("--products", type=int, default=0, help="also generate N synthetic products")
    seed.set_defaults(handler=run_seed)


def run_migrate(args: argparse.Namespace, settings: Settings) -> int:
    maintenance(settings).migrate()
    print(f"Base de données à jour : {_safe(settings.resolved_database_url)}")
    return 0


def run_seed(args: argparse.Namespace, settings: Settings) -> int:
    container = build_container(settings)
    try:
        seed_parameters(container)
        for seeder in SEEDERS:
            seeder(container, args)
    finally:
        container.close()
    return 0


def _safe(url: str) -> str:
    from sqlalchemy import make_url

    return make_url(url).render_as_string(hide_password=True)
