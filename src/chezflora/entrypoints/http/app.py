"""The Litestar application factory: routes, errors, CORS, OpenAPI; handlers get what they need
from the container through the providers of dependencies.py."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.config.cors import CORSConfig
from litestar.openapi import OpenAPIConfig

from chezflora.bootstrap import Container
from chezflora.entrypoints.http.blocking import lower_priority
from chezflora.entrypoints.http.body_guard import guard_body
from chezflora.entrypoints.http.controllers import (
    addresses,
    auth,
    blog_articles,
    blog_comments,
    carts,
    catalogue_categories,
    catalogue_products,
    catalogue_promotions,
    contact,
    dashboard,
    orders,
    parameters,
    payments,
    photos,
    quotes,
    services,
    subscriptions,
    system,
    users,
    wishlist,
    workshops,
)
from chezflora.entrypoints.http.dependencies import providers
from chezflora.entrypoints.http.dependency_order import resolve_dependencies_in_sequence
from chezflora.entrypoints.http.errors import EXCEPTION_HANDLERS
from chezflora.entrypoints.http.openapi import DocumentedSwagger
from chezflora.entrypoints.worker.broker import BackgroundWorker

ROUTE_MODULES = [
    system,
    auth,
    users,
    dashboard,
    parameters,
    contact,
    catalogue_categories,
    catalogue_products,
    catalogue_promotions,
    photos,
    carts,
    orders,
    payments,
    addresses,
    wishlist,
    subscriptions,
    workshops,
    services,
    quotes,
    blog_articles,
    blog_comments,
]


def create_app(container: Container) -> Litestar:
    settings = container.settings
    lower_priority(settings.db_threads_nice)  # before this process starts its worker threads
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
        # Each handler's docstring is its operation's description.
        use_handler_docstrings=True,
        render_plugins=[DocumentedSwagger(path="/")],
    )
    handlers: list[Any] = [route for module in ROUTE_MODULES for route in module.ROUTES]
    handlers.append(photos.media_files(settings.media_dir))
    # Without Redis the API process delivers its own e-mails: a worker on the in-memory broker.
    worker = BackgroundWorker(container, threads=2, worker_timeout=250)
    background = container.jobs.in_process
    app = Litestar(
        route_handlers=handlers,
        dependencies=providers(container),
        before_request=guard_body,
        exception_handlers=EXCEPTION_HANDLERS,
        cors_config=cors,
        openapi_config=openapi,
        on_startup=[lambda: worker.start()] if background else [],
        on_shutdown=[lambda: worker.stop(), container.close] if background else [container.close],
        request_max_body_size=6 * 1024 * 1024,
        debug=False,
    )
    resolve_dependencies_in_sequence(app)
    return app
