"""`chezflora restore-db FILE` (backups are made by `chezflora run-job backup-db`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from chezflora.application.maintenance import BackupFailed
from chezflora.bootstrap.from_settings import maintenance
from chezflora.config import Settings
from chezflora.entrypoints.cli.jobs import spinner


def register(commands: Any) -> None:
    parser = commands.add_parser("restore-db", help="replace the database by a backup")
    parser.add_argument("file", type=Path)
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(handler=run_restore)


def run_restore(args: argparse.Namespace, settings: Settings) -> int:
    if not args.yes:
        answer = input("Les données actuelles seront remplacées. Continuer ? [o/N] ")
        if answer.strip().lower() not in {"o", "oui", "y", "yes"}:
            print("Restauration annulée.")
            return 1
    try:
        with spinner(f"Restauration de {args.file.name}"):
            maintenance(settings).restore_database(args.file)
    except BackupFailed as exc:
        print(f"Erreur : {exc}")
        return 1
    print(f"Base restaurée depuis {args.file}")
    return 0
