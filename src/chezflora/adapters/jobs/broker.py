"""The Dramatiq broker: Redis when configured, else an in-memory one served inside the process."""

from __future__ import annotations

import dramatiq
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker

# The names live in application/background.py: the worker declares its actors on them too.
from chezflora.application.background import DELIVER_EMAIL as DELIVER_EMAIL
from chezflora.application.background import EMAIL_GAVE_UP as EMAIL_GAVE_UP
from chezflora.application.background import EMAIL_QUEUE as EMAIL_QUEUE
from chezflora.application.background import JOBS_QUEUE as JOBS_QUEUE
from chezflora.application.background import RUN_JOB as RUN_JOB


def make_broker(redis_url: str, namespace: str = "chezflora") -> dramatiq.Broker:
    """Called by the composition root, never at import time, before any actor is declared."""
    broker: dramatiq.Broker
    if redis_url:
        broker = RedisBroker(url=redis_url, namespace=namespace)  # type: ignore[no-untyped-call]
    else:
        # fail_fast off: in a long-running API process dead letters must not blow up a join.
        broker = StubBroker(fail_fast_default=False)
    for queue in (EMAIL_QUEUE, JOBS_QUEUE):
        broker.declare_queue(queue)
    dramatiq.set_broker(broker)
    return broker


def is_in_memory(broker: dramatiq.Broker) -> bool:
    return isinstance(broker, StubBroker)
