"""What the composition root hands to the worker, the scheduler and the CLI for background work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import dramatiq
from redis import Redis

from chezflora.adapters.jobs.broker import is_in_memory, make_broker
from chezflora.adapters.jobs.dispatcher import DramatiqEmailDispatcher
from chezflora.adapters.jobs.guard import DeliveryGuard, MemoryDeliveryGuard, RedisDeliveryGuard
from chezflora.adapters.jobs.relay import RelayOutbox
from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.application.operations import OperationsUseCases
from chezflora.application.ports import Clock, EmailDispatcher
from chezflora.config import Settings


@dataclass(frozen=True)
class Transport:
    """The broker and the delivery guard, built before the dispatcher that uses them."""

    broker: dramatiq.Broker
    guard: DeliveryGuard
    queued_ttl: int

    @classmethod
    def build(cls, settings: Settings, redis: Redis | None) -> Transport:
        guard: DeliveryGuard = RedisDeliveryGuard(redis) if redis else MemoryDeliveryGuard()
        # A delivery message is presumed alive for its whole retry chain (the worker marks its
        # row queued for that long when it takes the message), then the relay may enqueue the
        # row again.
        chain = settings.email_max_retries * settings.email_max_backoff_ms // 1000
        return cls(make_broker(settings.redis_url), guard, max(600, chain))

    def email_dispatcher(self) -> DramatiqEmailDispatcher:
        return DramatiqEmailDispatcher(self.broker)


@dataclass(frozen=True)
class JobsModule:
    transport: Transport
    relay_outbox: RelayOutbox
    operations: OperationsUseCases
    # No Redis and e-mails go through the in-memory broker: the API process must run the worker.
    in_process: bool

    @property
    def broker(self) -> dramatiq.Broker:
        return self.transport.broker

    @property
    def broker_in_memory(self) -> bool:
        """No Redis: jobs submitted by the scheduler run in its own process."""
        return is_in_memory(self.transport.broker)

    @classmethod
    def build(
        cls,
        settings: Settings,
        transport: Transport,
        outbox: OutboxStore,
        dispatcher: EmailDispatcher,
        clock: Clock,
        operations: OperationsUseCases,
    ) -> JobsModule:
        relay = RelayOutbox(
            outbox,
            dispatcher,
            transport.guard,
            clock,
            older_than=timedelta(seconds=settings.outbox_relay_after_seconds),
            queued_ttl=transport.queued_ttl,
        )
        in_process = is_in_memory(transport.broker) and isinstance(
            dispatcher, DramatiqEmailDispatcher
        )
        return cls(transport, relay, operations, in_process)
