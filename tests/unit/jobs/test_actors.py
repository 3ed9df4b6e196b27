"""Actors on Dramatiq's StubBroker with a real Worker: send, join, assert."""

from __future__ import annotations

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from dramatiq import Worker

from chezflora.adapters.jobs.broker import EMAIL_QUEUE, JOBS_QUEUE
from chezflora.application.ports import OutgoingEmail
from chezflora.entrypoints.worker import jobs
from chezflora.entrypoints.worker.actors import Actors, declare_actors
from tests.unit.jobs.fakes import fake_container


@pytest.fixture
def container() -> SimpleNamespace:
    return fake_container()


@pytest.fixture
def actors(container: SimpleNamespace) -> Iterator[Actors]:
    declared = declare_actors(container.jobs.broker, container)  # type: ignore[arg-type]
    worker = Worker(container.jobs.broker, worker_threads=2, worker_timeout=50)
    worker.start()
    yield declared
    worker.stop()


def _queue(container: SimpleNamespace, to: str = "awa@example.cm") -> int:
    return int(container.outbox.add(OutgoingEmail(to, "otp", {}), container.clock.now()))


def test_deliver_email_sends_once_and_marks_the_row_sent(container, actors):
    email_id = _queue(container)

    actors.deliver_email.send(email_id)
    actors.deliver_email.send(email_id)  # a duplicate from the relay sweep
    container.jobs.broker.join(EMAIL_QUEUE)

    assert [e.to for e in container.email_sender.sent] == ["awa@example.cm"]
    row = container.outbox.rows[email_id]
    assert row.sent_at == container.clock.now()
    assert row.attempts == 1


def test_a_failed_send_is_retried_with_backoff_until_it_succeeds(container, actors):
    container.email_sender.failures = 2
    email_id = _queue(container)

    actors.deliver_email.send(email_id)
    container.jobs.broker.join(EMAIL_QUEUE)

    assert container.email_sender.calls == 3
    assert len(container.email_sender.sent) == 1
    row = container.outbox.rows[email_id]
    assert row.sent_at is not None
    assert row.attempts == 3
    assert "smtp down" in (row.last_error or "")


def test_exhausted_retries_leave_the_row_unsent_and_free_for_the_relay(container, actors):
    container.email_sender.failures = 100
    email_id = _queue(container)
    guard = container.jobs.transport.guard
    guard.mark_queued(email_id, 600, only_if_absent=False)

    actors.deliver_email.send(email_id)
    container.jobs.broker.join(EMAIL_QUEUE, fail_fast=False)

    row = container.outbox.rows[email_id]
    assert row.sent_at is None
    assert row.attempts == 1 + container.settings.email_max_retries
    assert guard.mark_queued(email_id, 600, only_if_absent=True), "queued mark not cleared"


def test_a_taken_message_marks_its_row_queued_so_the_relay_leaves_it_alone(container, actors):
    container.email_sender.failures = 1  # a retry chain: the first attempt fails
    email_id = _queue(container)
    guard = container.jobs.transport.guard

    actors.deliver_email.send(email_id)
    container.jobs.broker.join(EMAIL_QUEUE)

    # Marked by the worker, not by the request that queued it (adapters/jobs/dispatcher.py).
    assert not guard.mark_queued(email_id, 600, only_if_absent=True), "row not marked queued"


def test_an_e_mail_being_sent_elsewhere_is_not_sent_twice(container, actors):
    email_id = _queue(container)
    container.jobs.transport.guard.claim(email_id, 60)

    actors.deliver_email.send(email_id)
    container.jobs.broker.join(EMAIL_QUEUE)

    assert container.email_sender.sent == []
    assert container.outbox.rows[email_id].sent_at is None


def test_run_job_runs_the_registry_job(container, actors, monkeypatch):
    calls: list[object] = []
    monkeypatch.setitem(jobs.JOBS, "purge-codes", lambda c: calls.append(c) or 3)

    actors.run_job.send("purge-codes")
    container.jobs.broker.join(JOBS_QUEUE)

    assert calls == [container]


def test_an_unknown_job_fails_at_once_without_retries(container, actors):
    actors.run_job.send("no-such-job")

    with pytest.raises(jobs.JobUnavailable, match="unknown job 'no-such-job'"):
        container.jobs.broker.join(JOBS_QUEUE, fail_fast=True)
    [dead] = container.jobs.broker.dead_letters
    assert dead.options.get("retries", 0) == 0
