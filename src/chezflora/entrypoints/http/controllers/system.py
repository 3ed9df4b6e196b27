"""Health and the OpenAPI document."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from litestar import Request, Response, get
from redis import Redis
from sqlalchemy.engine import Engine

from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.openapi import document


@get("/api/health/", tags=["systeme"])
@blocking
def health(engine: Injected[Engine], redis: Injected[Redis | None]) -> Response[dict[str, str]]:
    """Database and broker reachability; 503 when the database is down."""
    database = broker = "absent"
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        database = "ok"
    except Exception:
        database = "indisponible"
    if redis is not None:
        try:
            redis.ping()
            broker = "ok"
        except Exception:
            broker = "indisponible"
    healthy = database == "ok" and broker != "indisponible"
    body = {"status": "ok" if healthy else "degrade", "database": database, "broker": broker}
    return Response(body, status_code=200 if healthy else 503)


@get("/api/schema/", sync_to_thread=False, include_in_schema=False)
def openapi_document(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """The OpenAPI 3.1 document (the interactive docs live at /api/docs/)."""
    return document(request.app)


ROUTES = [health, openapi_document]
