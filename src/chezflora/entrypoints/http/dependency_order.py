"""Resolve each handler's dependencies one after the other, never in a task group.

Litestar groups the dependencies a handler needs into batches (those whose own dependencies are
already resolved) and resolves a batch of two or more in an anyio task group. Ours are cheap
synchronous lookups, or the viewer, which is alone in its batch anyway; a task group costs more
than all of them together (litestar-org/litestar#4563: measured here, two flat dependencies
take a trivial route from 23 to 74 µs). Every batch is split into batches of one, in the same
order, so a dependency still follows all of its own.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.routes import HTTPRoute


def resolve_dependencies_in_sequence(app: Litestar) -> None:
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for _, kwargs_model in route.route_handler_map.values():
            kwargs_model.dependency_batches = [
                {dependency} for batch in kwargs_model.dependency_batches for dependency in batch
            ]
