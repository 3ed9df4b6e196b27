"""Fixtures for background work: an SMTP sink that can fail or die, containers on a broker."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from litestar.testing import TestClient
from sqlalchemy.engine import Engine

from chezflora.bootstrap import Container, build_container
from chezflora.config import Settings
from tests.fakes import FakeClock


class SinkHandler:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.refuse_next = 0
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self._lock:
            if self.refuse_next > 0:
                self.refuse_next -= 1
                return "451 4.3.0 Service momentanément indisponible"
            self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [str(m["To"]) for m in self.messages]


class SmtpSink:
    """aiosmtpd on 127.0.0.1 and a free port; `stop()` then `start()` simulates an outage."""

    def __init__(self) -> None:
        self.handler = SinkHandler()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_settings(settings: Settings, smtp_sink: SmtpSink) -> Settings:
    return replace(
        settings,
        smtp_host="127.0.0.1",
        smtp_port=smtp_sink.port,
        email_max_retries=2,
        email_min_backoff_ms=10,
        email_max_backoff_ms=50,
        throttle_enabled=False,
    )


@pytest.fixture
def smtp_container(
    smtp_settings: Settings, clean_engine: Engine, clock: FakeClock
) -> Iterator[Container]:
    """The real wiring: Dramatiq dispatcher on the in-memory broker, SMTP sender."""
    built = build_container(smtp_settings, engine=clean_engine, clock=clock)
    assert built.jobs.in_process
    yield built
    built.jobs.broker.close()


@pytest.fixture
def smtp_client(smtp_container: Container) -> Iterator[TestClient]:  # type: ignore[type-arg]
    """The API with its in-process worker started (Litestar startup hook)."""
    from chezflora.entrypoints.http.app import create_app

    app = create_app(smtp_container)
    with TestClient(app=app, base_url="http://testserver.local") as test_client:
        yield test_client
