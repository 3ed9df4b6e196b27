"""The `chezflora` command: thin wrappers over the same use cases the API calls."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from chezflora.config import Settings, load_settings
from chezflora.entrypoints.cli import accounts, backup, database, export, jobs, server, worker

Command = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chezflora", description="ChezFlora backend")
    commands = parser.add_subparsers(dest="command", required=True)
    for module in (database, accounts, server, worker, jobs, backup, export):
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = load_settings()
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    handler: Command = args.handler
    return handler(args, settings)


if __name__ == "__main__":
    sys.exit(main())
