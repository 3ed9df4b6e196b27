"""After commit, one `deliver_email(id)` message per outbox row; never fails the request."""

from __future__ import annotations

import logging

import dramatiq
from dramatiq import Message

from chezflora.adapters.jobs.broker import DELIVER_EMAIL, EMAIL_QUEUE
from chezflora.adapters.jobs.guard import DeliveryGuard

log = logging.getLogger(__name__)


class DramatiqEmailDispatcher:
    """Enqueues by actor name, so the API process needs no actor, only the broker.

    If Redis is down the row simply stays unsent: the relay sweep enqueues it later.
    """

    def __init__(self, broker: dramatiq.Broker, guard: DeliveryGuard, queued_ttl: int) -> None:
        self._broker, self._guard, self._queued_ttl = broker, guard, queued_ttl

    def dispatch(self, email_ids: list[int]) -> None:
        for email_id in email_ids:
            try:
                self._guard.mark_queued(email_id, self._queued_ttl, only_if_absent=False)
                self._broker.enqueue(delivery_message(email_id))
            except Exception:
                log.exception("e-mail %s not enqueued; the outbox relay will retry it", email_id)


def delivery_message(email_id: int) -> Message[None]:
    return Message(
        queue_name=EMAIL_QUEUE, actor_name=DELIVER_EMAIL, args=(email_id,), kwargs={}, options={}
    )
