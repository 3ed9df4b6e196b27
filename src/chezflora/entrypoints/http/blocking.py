"""Run a synchronous handler in a worker thread, as an async function Litestar can register twice.

Litestar's own `sync_to_thread=True` wraps the function again each time a handler is registered,
which happens when several handlers share a path; the doubly wrapped handler then answers with an
unawaited coroutine. An `async def` wrapper is left alone, and the signature stays the original's.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import ParamSpec, TypeVar

import anyio.to_thread

P = ParamSpec("P")
R = TypeVar("R")


def blocking(fn: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    @functools.wraps(fn)
    async def in_thread(*args: P.args, **kwargs: P.kwargs) -> R:
        return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs))

    return in_thread
