"""`chezflora export NAME`: a CSV of one registered export, with a progress bar."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import Any

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from chezflora.bootstrap import build_container, export_descriptions
from chezflora.config import Settings


def register(commands: Any) -> None:
    exports = export_descriptions()
    parser = commands.add_parser(
        "export",
        help="write a CSV export",
        description="; ".join(f"{name}: {text}" for name, text in exports.items()),
    )
    parser.add_argument("name", choices=sorted(exports))
    parser.add_argument("-o", "--output", type=Path, help="default: <name>.csv; '-' for stdout")
    parser.add_argument("--delimiter", default=",", help="';' suits a French Excel")
    parser.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    container = build_container(settings)
    exports = container.exports
    output: Path | None = (
        None if str(args.output) == "-" else args.output or Path(f"{args.name}.csv")
    )
    try:
        total = exports.count(args.name)
        # utf-8-sig: Excel opens the accents right only with a byte-order mark.
        handle = (
            sys.stdout if output is None else output.open("w", newline="", encoding="utf-8-sig")
        )
        try:
            writer = csv.writer(handle, delimiter=args.delimiter)
            writer.writerow(exports.columns(args.name))
            with _progress(output is None) as progress:
                task = progress.add_task(args.name, total=total)
                for row in exports.rows(args.name):
                    writer.writerow(row)
                    progress.advance(task)
        finally:
            if output is not None:
                handle.close()
    finally:
        container.close()
    if output is not None:
        print(f"{total} lignes écrites dans {output}")
    return 0


def _progress(quiet: bool) -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    # On stdout the CSV itself is the output: the bar goes to stderr, or nowhere.
    return Progress(*columns, disable=quiet, transient=True)
