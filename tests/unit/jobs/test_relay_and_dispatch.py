"""The Dramatiq dispatcher never fails a request; the relay sweep re-enqueues stale rows once."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest

from chezflora.adapters.jobs.broker import DELIVER_EMAIL, EMAIL_QUEUE, make_broker
from chezflora.adapters.jobs.dispatcher import DramatiqEmailDispatcher
from chezflora.adapters.jobs.guard import MemoryDeliveryGuard
from chezflora.adapters.jobs.relay import RelayOutbox
from chezflora.application.ports import OutgoingEmail
from tests.fakes import FakeClock
from tests.unit.jobs.fakes import InMemoryOutboxStore


class RecordingDispatcher:
    def __init__(self) -> None:
        self.dispatched: list[int] = []

    def dispatch(self, email_ids: list[int]) -> None:
        self.dispatched.extend(email_ids)


class BrokenBroker:
    def enqueue(self, message: object) -> None:
        raise ConnectionError("redis is down")


def queued_ids(broker) -> list[int]:
    from dramatiq import Message

    queue = broker.queues[EMAIL_QUEUE]
    return [Message.decode(item).args[0] for item in list(queue.queue)]


def test_dispatch_enqueues_one_deliver_email_message_per_id():
    broker = make_broker("")

    DramatiqEmailDispatcher(broker).dispatch([4, 7])

    assert queued_ids(broker) == [4, 7]
    from dramatiq import Message

    first = Message.decode(broker.queues[EMAIL_QUEUE].queue[0])
    assert first.actor_name == DELIVER_EMAIL


def test_an_enqueue_failure_is_logged_never_raised(caplog: pytest.LogCaptureFixture):
    dispatcher = DramatiqEmailDispatcher(BrokenBroker())  # type: ignore[arg-type]

    with caplog.at_level(logging.ERROR):
        dispatcher.dispatch([1, 2])

    assert "e-mail 1 not enqueued" in caplog.text
    assert "e-mail 2 not enqueued" in caplog.text


def _relay(store, dispatcher, guard, clock) -> RelayOutbox:
    return RelayOutbox(
        store, dispatcher, guard, clock, older_than=timedelta(minutes=1), queued_ttl=600
    )


def test_relay_takes_only_unsent_rows_older_than_a_minute():
    clock = FakeClock()
    store = InMemoryOutboxStore()
    old = store.add(OutgoingEmail("a@x.cm", "otp"), clock.now() - timedelta(minutes=5))
    sent = store.add(OutgoingEmail("b@x.cm", "otp"), clock.now() - timedelta(minutes=5))
    store.mark_sent(sent, clock.now())
    store.add(OutgoingEmail("c@x.cm", "otp"), clock.now() - timedelta(seconds=30))
    dispatcher = RecordingDispatcher()

    relayed = _relay(store, dispatcher, MemoryDeliveryGuard(), clock)()

    assert relayed == 1
    assert dispatcher.dispatched == [old]


def test_relay_skips_rows_whose_message_is_still_alive_and_retries_after_it_gave_up():
    clock = FakeClock()
    store = InMemoryOutboxStore()
    email_id = store.add(OutgoingEmail("a@x.cm", "otp"), clock.now() - timedelta(minutes=5))
    guard = MemoryDeliveryGuard()
    dispatcher = RecordingDispatcher()
    relay = _relay(store, dispatcher, guard, clock)

    assert relay() == 1
    assert relay() == 0, "a second sweep must not pile up another message"
    guard.unmark_queued(email_id)
    assert relay() == 1
    assert dispatcher.dispatched == [email_id, email_id]


def test_a_sending_claim_is_exclusive_until_released():
    guard = MemoryDeliveryGuard()

    assert guard.claim(1, 60)
    assert not guard.claim(1, 60)
    assert guard.claim(2, 60)
    guard.release(1)
    assert guard.claim(1, 60)
