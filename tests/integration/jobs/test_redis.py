"""Dramatiq end to end on real Redis (db 15): the API enqueues, a separate worker delivers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import sqlalchemy as sa
from litestar.testing import TestClient
from redis import Redis

from chezflora.adapters.jobs.broker import EMAIL_QUEUE, JOBS_QUEUE
from chezflora.adapters.sqlalchemy.tables.identity import outbox_emails
from chezflora.bootstrap import Container, build_container
from chezflora.config import Settings
from chezflora.entrypoints.http.app import create_app
from chezflora.entrypoints.worker.broker import BackgroundWorker
from tests.integration.conftest import IN_CI, REDIS_URL, redis_reachable
from tests.integration.helpers import PASSWORD, outbox_messages


@pytest.fixture
def redis_url() -> str:
    if not redis_reachable():
        if IN_CI:
            pytest.fail(f"Redis is required under CI=true but {REDIS_URL} is not reachable")
        pytest.skip(f"Redis not reachable on {REDIS_URL}")
    Redis.from_url(REDIS_URL).flushdb()
    return REDIS_URL


@pytest.fixture
def redis_container(settings: Settings, redis_url: str, clean_engine, clock) -> Iterator[Container]:
    built = build_container(
        replace(settings, redis_url=redis_url, throttle_enabled=False),
        engine=clean_engine,
        clock=clock,
    )
    assert not built.jobs.in_process, "with Redis the API must not run a worker itself"
    yield built
    built.close()


@pytest.fixture
def worker(redis_container: Container) -> Iterator[BackgroundWorker]:
    """Another process in production; here a second Worker on the same Redis."""
    running = BackgroundWorker(redis_container, threads=2, worker_timeout=100)
    running.start()
    yield running
    running.stop()


def test_an_e_mail_committed_by_the_api_is_delivered_through_redis(redis_container, worker):
    with TestClient(app=create_app(redis_container), base_url="http://testserver.local") as api:
        response = api.post(
            "/api/register/",
            json={"username": "fanta", "email": "fanta@example.cm", "password": PASSWORD},
        )
    assert response.status_code == 201

    redis_container.jobs.broker.join(EMAIL_QUEUE, timeout=15_000)

    with redis_container.engine.connect() as conn:
        row = conn.execute(sa.select(outbox_emails)).one()
    assert row.sent_at is not None
    assert [m["To"] for m in outbox_messages(redis_container)] == ["fanta@example.cm"]


def test_a_job_sent_to_redis_runs_on_the_worker(redis_container, worker):
    assert worker.actors is not None
    worker.actors.run_job.send("backup-media")

    redis_container.jobs.broker.join(JOBS_QUEUE, timeout=15_000)

    assert list(redis_container.settings.backup_dir.glob("chezflora-media-*.tar.gz"))
