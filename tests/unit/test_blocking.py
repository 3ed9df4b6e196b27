"""`in_thread`: the work runs off the event loop's thread, with the caller's context variables,
and its answer or its exception comes back to the caller. `lower_priority`: the worker threads
run below the OS priority of the thread that made their pool (`CHEZFLORA_DB_THREADS_NICE`)."""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from contextvars import ContextVar

import pytest

from chezflora.bootstrap import build_container
from chezflora.config import load_settings
from chezflora.entrypoints.http import app as app_module
from chezflora.entrypoints.http.app import create_app
from chezflora.entrypoints.http.blocking import blocking, in_thread, lower_priority, worker_pool

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


def _own_niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, 0)  # on Linux: the calling thread's


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread priorities are Linux's")
def test_lowered_worker_threads_run_below_the_thread_that_made_the_pool():
    # A thread of its own, so the test's own priority never changes.
    found: list[int] = []
    done = threading.Event()

    def make_and_ask() -> None:
        try:
            lower_priority(7)
            with worker_pool(1) as pool:
                found.append(pool.submit(_own_niceness).result())
            found.append(_own_niceness())
        finally:
            lower_priority(0)
            done.set()

    threading.Thread(target=make_and_ask).start()
    done.wait(10)
    worker, creator = found
    assert worker == min(creator + 7, 19)


def test_worker_threads_keep_the_priority_by_default():
    with worker_pool(1) as pool:
        assert pool.submit(_own_niceness).result() == _own_niceness()


def test_a_priority_outside_0_to_19_is_refused():
    for wrong in (-1, 20):
        with pytest.raises(ValueError, match="0 to 19"):
            lower_priority(wrong)


def test_the_setting_reaches_the_pool_of_each_server_process(tmp_path, monkeypatch):
    assert load_settings({}).db_threads_nice == 0
    settings = load_settings(
        {
            "CHEZFLORA_DB_THREADS_NICE": "5",
            "CHEZFLORA_DATA_DIR": str(tmp_path),
            "CHEZFLORA_JWT_SECRET": "s" * 40,
        }
    )
    chosen: list[int] = []
    monkeypatch.setattr(app_module, "lower_priority", chosen.append)
    container = build_container(settings)
    try:
        create_app(container)
    finally:
        container.close()
    assert chosen == [5]


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread priorities are Linux's")
def test_a_refused_priority_leaves_the_pool_working(monkeypatch):
    def refuse(*_args: object) -> None:
        raise PermissionError("not allowed here")

    monkeypatch.setattr(os, "setpriority", refuse)
    lower_priority(5)
    try:
        with worker_pool(1) as pool:
            assert pool.submit(lambda: 42).result() == 42
    finally:
        lower_priority(0)
