"""`in_thread`: the work runs off the event loop's thread, with the caller's context variables,
and its answer or its exception comes back to the caller."""

from __future__ import annotations

import asyncio
import threading
from contextvars import ContextVar

import pytest

from chezflora.entrypoints.http.blocking import blocking, in_thread

REQUEST = ContextVar("REQUEST", default="none")


def _where(suffix: str) -> tuple[str, str]:
    return threading.current_thread().name, REQUEST.get() + suffix


def test_the_work_runs_in_a_worker_thread_with_the_callers_context():
    async def call() -> tuple[str, str]:
        REQUEST.set("r-1")
        return await in_thread(_where, "!")

    thread, seen = asyncio.run(call())
    assert thread.startswith("chezflora-worker") and thread != threading.current_thread().name
    assert seen == "r-1!"


def test_an_exception_reaches_the_caller():
    def fail() -> None:
        raise LookupError("absent")

    with pytest.raises(LookupError, match="absent"):
        asyncio.run(in_thread(fail))


def test_a_blocking_handler_keeps_its_name_and_answers():
    def handler(value: int, *, twice: bool) -> int:
        return value * 2 if twice else value

    wrapped = blocking(handler)
    assert wrapped.__name__ == "handler"
    assert asyncio.run(wrapped(21, twice=True)) == 42
