"""ASGI entry for uvicorn/granian: `chezflora.entrypoints.http.asgi:app` (factory: `create`)."""

from __future__ import annotations

from litestar import Litestar

from chezflora.bootstrap import build_container
from chezflora.config import load_settings
from chezflora.entrypoints.http.app import create_app


def create() -> Litestar:
    return create_app(build_container(load_settings()))
