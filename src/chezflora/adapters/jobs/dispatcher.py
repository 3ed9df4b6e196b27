"""After commit, one `deliver_email(id)` message per outbox row; never fails the request."""

from __future__ import annotations

import logging

import dramatiq
from dramatiq import Message

from chezflora.adapters.jobs.broker import DELIVER_EMAIL, EMAIL_QUEUE

log = logging.getLogger(__name__)


class DramatiqEmailDispatcher:
    """Enqueues by actor name, so the API process needs no actor, only the broker.

    If Redis is down the row simply stays unsent: the relay sweep enqueues it later. The row's
    `queued` mark (adapters/jobs/guard.py) is not set here but by the worker when it takes the
    message, well within the relay's delay: one Redis round trip less per e-mail on the request.
    """

    def __init__(self, broker: dramatiq.Broker) -> None:
        self._broker = broker

    def dispatch(self, email_ids: list[int]) -> None:
        for email_id in email_ids:
            try:
                self._broker.enqueue(delivery_message(email_id))
            except Exception:
                log.exception("e-mail %s not enqueued; the outbox relay will retry it", email_id)


def delivery_message(email_id: int) -> Message[None]:
    return Message(
        queue_name=EMAIL_QUEUE, actor_name=DELIVER_EMAIL, args=(email_id,), kwargs={}, options={}
    )
