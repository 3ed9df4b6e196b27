"""ASGI entry for uvicorn/granian: `chezflora.entrypoints.http.asgi:app` (factory: `create`)."""

from __future__ import annotations

import gc

from litestar import Litestar

from chezflora.bootstrap import build_container
from chezflora.config import load_settings
from chezflora.entrypoints.http.app import create_app


def create() -> Litestar:
    app = create_app(build_container(load_settings()))
    # What start-up built (modules, tables, routes, the OpenAPI schema: ~140,000 objects) lives
    # as long as the process. Frozen, the collector no longer walks it: a full collection over
    # it took 90 ms alone and 200-250 ms under load, stalling every request of the process
    # (it was the checkout flow's p99 tail). Each server process calls this after its fork.
    gc.freeze()
    return app
