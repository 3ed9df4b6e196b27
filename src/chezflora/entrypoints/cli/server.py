"""`chezflora serve`: the API under uvicorn (or granian)."""

from __future__ import annotations

import argparse
from typing import Any

from chezflora.config import Settings

APP_FACTORY = "chezflora.entrypoints.http.asgi:create"


def register(commands: Any) -> None:
    parser = commands.add_parser("serve", help="serve the HTTP API")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--server", choices=["granian", "uvicorn"], default="granian")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.server == "granian":
        from granian import Granian
        from granian.constants import Interfaces

        Granian(
            APP_FACTORY,
            address=args.host,
            port=args.port,
            workers=args.workers,
            interface=Interfaces.ASGI,
            factory=True,
        ).serve()
        return 0
    import uvicorn

    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level=settings.log_level.lower(),
        access_log=False,
    )
    return 0
