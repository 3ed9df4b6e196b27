"""The Litestar application factory: routes, errors, CORS, OpenAPI; the container lives in state."""

from __future__ import annotations

from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.datastructures import State
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin

from chezflora.bootstrap import Container
from chezflora.entrypoints.http.auth import DEPENDENCIES
from chezflora.entrypoints.http.controllers import auth, parameters, subscriptions, system, users
from chezflora.entrypoints.http.errors import EXCEPTION_HANDLERS

ROUTE_MODULES = [system, auth, users, parameters, subscriptions]


def create_app(container: Container) -> Litestar:
    settings = container.settings
    cors = CORSConfig(
        allow_origins=list(settings.cors_origins),
        allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
        allow_headers=["authorization", "content-type", "idempotency-key"],
        allow_credentials=False,
        max_age=600,
    )
    openapi = OpenAPIConfig(
        title="ChezFlora API",
        version="1.0.0",
        description="Boutique de fleurs en ligne (Cameroun, FCFA).",
        path="/api/docs",
        render_plugins=[SwaggerRenderPlugin(path="/")],
    )
    handlers = [route for module in ROUTE_MODULES for route in module.ROUTES]
    return Litestar(
        route_handlers=handlers,
        dependencies=DEPENDENCIES,
        exception_handlers=EXCEPTION_HANDLERS,
        cors_config=cors,
        openapi_config=openapi,
        state=State({"container": container}),
        on_shutdown=[container.close],
        request_max_body_size=6 * 1024 * 1024,
        debug=False,
    )
