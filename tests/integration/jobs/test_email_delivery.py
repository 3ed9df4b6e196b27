"""E-mails leave through the outbox, Dramatiq and SMTP: retried, never lost, never blocking."""

from __future__ import annotations

from dataclasses import replace

import sqlalchemy as sa

from chezflora.adapters.jobs.broker import EMAIL_QUEUE
from chezflora.adapters.sqlalchemy.tables.identity import outbox_emails
from chezflora.bootstrap import Container, build_container
from chezflora.config import Settings
from chezflora.entrypoints.http.app import create_app
from tests.integration.helpers import PASSWORD
from tests.integration.jobs.conftest import SmtpSink


def register(client, name: str) -> int:
    response = client.post(
        "/api/register/",
        json={"username": name, "email": f"{name}@example.cm", "password": PASSWORD},
    )
    assert response.status_code == 201, response.text
    return int(response.json()["user_id"])


def outbox_rows(container: Container) -> dict[str, sa.Row]:
    with container.engine.connect() as conn:
        return {r.recipient: r for r in conn.execute(sa.select(outbox_emails))}


def drain(container: Container) -> None:
    container.jobs.broker.join(EMAIL_QUEUE, timeout=15_000)


def test_registration_code_is_delivered_over_smtp_by_the_in_process_worker(
    smtp_client, smtp_container, smtp_sink: SmtpSink
):
    register(smtp_client, "awa")
    drain(smtp_container)

    assert smtp_sink.handler.recipients() == ["awa@example.cm"]
    body = smtp_sink.handler.messages[0].get_payload(decode=True).decode()
    assert "Code : " in body
    row = outbox_rows(smtp_container)["awa@example.cm"]
    assert row.sent_at is not None
    assert row.attempts == 1


def test_a_refused_delivery_is_retried_and_then_succeeds(
    smtp_client, smtp_container, smtp_sink: SmtpSink
):
    smtp_sink.handler.refuse_next = 1

    register(smtp_client, "binta")
    drain(smtp_container)

    assert smtp_sink.handler.recipients() == ["binta@example.cm"]
    row = outbox_rows(smtp_container)["binta@example.cm"]
    assert row.sent_at is not None
    assert row.attempts == 2
    assert "451" in row.last_error


def test_smtp_dying_mid_run_loses_nothing_and_requests_keep_succeeding(
    smtp_client, smtp_container, smtp_sink: SmtpSink, clock
):
    register(smtp_client, "carine")
    drain(smtp_container)
    smtp_sink.stop()

    register(smtp_client, "dodo")  # 201 although the mail server is gone
    drain(smtp_container)
    row = outbox_rows(smtp_container)["dodo@example.cm"]
    assert row.sent_at is None
    assert row.attempts == 1 + smtp_container.settings.email_max_retries

    smtp_sink.start()
    clock.advance(minutes=2)
    assert smtp_container.jobs.relay_outbox() == 1
    drain(smtp_container)

    assert smtp_sink.handler.recipients() == ["carine@example.cm", "dodo@example.cm"]
    assert outbox_rows(smtp_container)["dodo@example.cm"].sent_at is not None
    assert smtp_container.jobs.relay_outbox() == 0


def test_redis_down_at_commit_does_not_fail_the_request_and_the_relay_catches_up(
    smtp_settings: Settings, clean_engine, clock, smtp_sink: SmtpSink
):
    from litestar.testing import TestClient

    # Nothing listens on port 1: every enqueue fails.
    broken = build_container(
        replace(smtp_settings, redis_url="redis://127.0.0.1:1/15"),
        engine=clean_engine,
        clock=clock,
    )
    with TestClient(app=create_app(broken), base_url="http://testserver.local") as client:
        register(client, "esther")
    assert outbox_rows(broken)["esther@example.cm"].sent_at is None

    healthy = build_container(smtp_settings, engine=clean_engine, clock=clock)
    with TestClient(app=create_app(healthy), base_url="http://testserver.local"):
        clock.advance(minutes=2)
        healthy.jobs.relay_outbox()
        drain(healthy)

    assert smtp_sink.handler.recipients() == ["esther@example.cm"]
    assert outbox_rows(healthy)["esther@example.cm"].sent_at is not None
