"""`chezflora run-job NAME`: run one registry job now, in this process."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from chezflora.bootstrap import build_container
from chezflora.config import Settings
from chezflora.entrypoints.worker.jobs import JOBS, JobUnavailable, run

log = logging.getLogger(__name__)


def register(commands: Any) -> None:
    parser = commands.add_parser("run-job", help="run one background job now")
    parser.add_argument("name", choices=sorted(JOBS))
    parser.set_defaults(handler=run_job)


def run_job(args: argparse.Namespace, settings: Settings) -> int:
    # Without Redis no worker would pick up the e-mails a job records: send them inline.
    container = build_container(settings, inline_email=not settings.redis_url)
    try:
        with spinner(f"Tâche {args.name}"):
            report = run(container, args.name)
    except JobUnavailable as exc:
        print(f"Erreur : {exc}")
        return 1
    except Exception:
        log.exception("job %s failed", args.name)
        return 1
    finally:
        container.close()
    print(f"{args.name} : {report}")
    return 0


def spinner(label: str) -> Progress:
    """A progress display for work whose size is unknown (dumps, archives, sweeps)."""
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), transient=True
    )
    progress.add_task(label, total=None)
    return progress
