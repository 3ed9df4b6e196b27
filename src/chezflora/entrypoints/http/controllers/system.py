"""Health and the OpenAPI document."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from litestar import Request, Response, get
from litestar.di import NamedDependency

from chezflora.bootstrap import Container
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.openapi import document


@get("/api/health/", tags=["systeme"])
@blocking
def health(container: NamedDependency[Container]) -> Response[dict[str, str]]:
    """Database and broker reachability; 503 when the database is down."""
    database = broker = "absent"
    try:
        with container.engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        database = "ok"
    except Exception:
        database = "indisponible"
    if container.redis is not None:
        try:
            container.redis.ping()
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
