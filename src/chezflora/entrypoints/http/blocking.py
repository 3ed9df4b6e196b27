"""Synchronous work off the event loop: `in_thread` runs a function in a worker thread, and
`blocking` turns a synchronous handler into an async one Litestar can register twice.

Litestar's own `sync_to_thread=True` wraps the function again each time a handler is registered,
which happens when several handlers share a path; the doubly wrapped handler then answers with an
unawaited coroutine. An `async def` wrapper is left alone, and the signature stays the original's.

The hop uses asyncio's executor, not anyio's `to_thread`: ≈ 30 µs of CPU per call against
≈ 80 µs (a trivial function, 8 callers at once), with the same bound of 40 threads per process.
The caller's context variables go along (a shared transaction is one). A call cancelled before
its thread starts does not run; once started it runs to its end, as with anyio.

`lower_priority(n)` makes the threads of a pool not yet started run at OS priority `nice + n`
(Linux): the event loop, which serves cached reads and the I/O of every request, then comes
before database work when the machine's CPU is short (`CHEZFLORA_DB_THREADS_NICE`, off by
default; docs/operations.md gives the measured trade-off).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import sys
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from typing import ParamSpec, TypeVar

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

WORKER_THREADS = 40
_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()
_niceness = 0


def lower_priority(niceness: int) -> None:
    """Pools made from now on run their threads `niceness` (0-19) below their maker's priority."""
    global _niceness
    if not 0 <= niceness <= 19:
        raise ValueError(f"niceness is 0 to 19, not {niceness}")
    _niceness = niceness


def worker_pool(threads: int = WORKER_THREADS) -> ThreadPoolExecutor:
    niceness = _niceness

    def start() -> None:
        # Linux keeps a priority per thread: PRIO_PROCESS with a thread id sets only that one.
        if niceness and sys.platform == "linux":
            thread = threading.get_native_id()
            try:
                lower = os.getpriority(os.PRIO_PROCESS, 0) + niceness
                os.setpriority(os.PRIO_PROCESS, thread, lower)
            except OSError as exc:  # a failed initializer would break the whole pool
                log.warning("worker thread priority left unchanged: %s", exc)

    return ThreadPoolExecutor(threads, thread_name_prefix="chezflora-worker", initializer=start)


def _workers() -> ThreadPoolExecutor:
    """This process's pool, made on first use (server processes are forked after import)."""
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = worker_pool()
        return _pool


async def in_thread(fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    call = functools.partial(copy_context().run, fn, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_workers(), call)


def blocking(fn: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    @functools.wraps(fn)
    async def handler(*args: P.args, **kwargs: P.kwargs) -> R:
        return await in_thread(fn, *args, **kwargs)

    return handler
