"""Handlers' dependencies are resolved one after the other, in the request's own task."""

from __future__ import annotations

import asyncio

from litestar import Litestar, get
from litestar.di import NamedDependency, Provide
from litestar.testing import TestClient

from chezflora.entrypoints.http.dependency_order import resolve_dependencies_in_sequence


def _app(tasks: dict[str, asyncio.Task[object] | None]) -> Litestar:
    def first() -> int:
        tasks["first"] = asyncio.current_task()
        return 1

    def second() -> int:
        tasks["second"] = asyncio.current_task()
        return 2

    def third(first: NamedDependency[int]) -> int:
        tasks["third"] = asyncio.current_task()
        return first + 2

    @get("/")
    async def handler(
        first: NamedDependency[int], second: NamedDependency[int], third: NamedDependency[int]
    ) -> dict[str, int]:
        tasks["handler"] = asyncio.current_task()
        return {"sum": first + second + third}

    return Litestar(
        [handler],
        dependencies={
            "first": Provide(first, sync_to_thread=False),
            "second": Provide(second, sync_to_thread=False),
            "third": Provide(third, sync_to_thread=False),
        },
    )


def test_independent_dependencies_are_resolved_in_the_request_task():
    tasks: dict[str, asyncio.Task[object] | None] = {}
    app = _app(tasks)
    resolve_dependencies_in_sequence(app)
    with TestClient(app) as client:
        assert client.get("/").json() == {"sum": 6}  # `third` still saw `first`
    assert set(tasks) == {"first", "second", "third", "handler"}
    assert len(set(tasks.values())) == 1  # no task group: one task did it all


def test_without_it_litestar_starts_a_task_per_independent_dependency():
    """The reason for the module (litestar#4563): when this fails, Litestar no longer needs it."""
    tasks: dict[str, asyncio.Task[object] | None] = {}
    with TestClient(_app(tasks)) as client:
        assert client.get("/").json() == {"sum": 6}
    assert tasks["first"] is not tasks["handler"]
    assert tasks["second"] is not tasks["handler"]
