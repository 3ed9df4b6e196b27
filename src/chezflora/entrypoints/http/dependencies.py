"""What a handler may ask for by name (Litestar dependency injection), for one container.

Each feature module, the read-side queries and use cases handlers call directly, and the
cross-cutting pieces: `clock`, `base_url` (absolute links), `read_cache`, `fresh_stock` (the
stock laid over cached pages), `exports`, `idempotency` (the key store), `throttle` (this
request's rate limits), and `engine` and `redis` for the health check. A handler declares only
what it uses (`Injected[T]`); none sees the container.

Providers are synchronous closures that read the container when a request needs them (a test
may replace an adapter on the container after the app is built), so an injection costs one call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request
from litestar.di import Provide

from chezflora.bootstrap import Container
from chezflora.entrypoints.http.auth import auth_providers
from chezflora.entrypoints.http.throttle import Throttle


def providers(container: Container) -> dict[str, Provide]:
    def throttle(request: Request[Any, Any, Any]) -> Throttle:
        client = request.client.host if request.client else "unknown"
        return Throttle(container.rate_limiter, client)

    reads: dict[str, Callable[[], object]] = {
        # feature modules
        "catalogue": lambda: container.catalogue,
        "shopping": lambda: container.shopping,
        "subscriptions": lambda: container.subscriptions,
        "workshops": lambda: container.workshops,
        "services": lambda: container.services,
        "blog": lambda: container.blog,
        "identity": lambda: container.identity,
        # read sides and use cases outside the modules
        "user_queries": lambda: container.users,
        "parameter_queries": lambda: container.parameters,
        "dashboard_queries": lambda: container.dashboard,
        "save_parameter": lambda: container.save_parameter,
        "remove_parameter": lambda: container.delete_parameter,
        "send_contact_message": lambda: container.send_contact_message,
        # cross-cutting
        "clock": lambda: container.clock,
        "base_url": lambda: container.settings.public_base_url,
        "read_cache": lambda: container.read_cache,
        "fresh_stock": lambda: container.fresh_stock,
        "exports": lambda: container.exports,
        "idempotency": lambda: container.idempotency,
        "engine": lambda: container.engine,
        "redis": lambda: container.redis,
    }
    return {
        **auth_providers(container),
        **{name: Provide(read, sync_to_thread=False) for name, read in reads.items()},
        "throttle": Provide(throttle, sync_to_thread=False),
    }
