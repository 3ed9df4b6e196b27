"""Running the actors: a Dramatiq `Worker` on the container's broker.

`chezflora worker` serves the Redis broker until SIGTERM; without Redis the API (and the
scheduler) run the same worker inside their own process on the in-memory broker.
"""

from __future__ import annotations

import logging
import signal
import threading

from dramatiq import Worker

from chezflora.bootstrap import Container
from chezflora.entrypoints.worker.actors import Actors, declare_actors

log = logging.getLogger(__name__)

STOP_TIMEOUT_MS = 30_000


class BackgroundWorker:
    def __init__(self, container: Container, threads: int, *, worker_timeout: int = 1000) -> None:
        self._container, self._threads, self._timeout = container, threads, worker_timeout
        self._worker: Worker | None = None
        self.actors: Actors | None = None

    def start(self) -> Actors:
        broker = self._container.jobs.broker
        self.actors = declare_actors(broker, self._container)
        self._worker = Worker(broker, worker_threads=self._threads, worker_timeout=self._timeout)
        self._worker.start()
        log.info("worker started: %s threads on %s", self._threads, type(broker).__name__)
        self.sweep_outbox()
        return self.actors

    def sweep_outbox(self) -> None:
        """Rows left unsent by a crash or a Redis outage go out as soon as a worker is up."""
        try:
            relayed = self._container.jobs.relay_outbox()
        except Exception:
            log.exception("outbox relay at worker start failed")
            return
        if relayed:
            log.info("outbox relay at worker start: %s e-mails enqueued", relayed)

    def join(self) -> None:
        """Wait until the queues are drained (tests)."""
        if self._worker is not None:
            self._worker.join()

    def stop(self, timeout_ms: int = STOP_TIMEOUT_MS) -> None:
        if self._worker is not None:
            self._worker.stop(timeout=timeout_ms)
            self._worker = None
            log.info("worker stopped")


def serve_until_signalled(container: Container, threads: int) -> int:
    """Block until SIGTERM/SIGINT, then let running messages finish (up to 30 s)."""
    stopping = threading.Event()

    def on_signal(signum: int, _frame: object) -> None:
        log.info("signal %s received, stopping the worker", signal.Signals(signum).name)
        stopping.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGTERM, signal.SIGINT)}
    worker = BackgroundWorker(container, threads)
    worker.start()
    try:
        while not stopping.wait(timeout=1.0):
            pass
    finally:
        worker.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0
