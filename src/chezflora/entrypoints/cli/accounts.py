"""`chezflora create-admin`."""

from __future__ import annotations

import argparse
from typing import Any

from chezflora.bootstrap import build_container
from chezflora.config import Settings
from chezflora.domain.errors import DomainError
from chezflora.entrypoints.cli.seeding import ensure_admin


def register(commands: Any) -> None:
    parser = commands.add_parser("create-admin", help="create an admin (or reset its password)")
    parser.add_argument("--username", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password", required=True)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    container = build_container(settings)
    try:
        outcome = ensure_admin(container, args.username, args.email, args.password)
    except DomainError as exc:
        print(f"Erreur : {exc.message}")
        return 1
    finally:
        container.close()
    print(
        "Administrateur créé."
        if outcome == "created"
        else "Mot de passe de l'administrateur mis à jour."
    )
    return 0
