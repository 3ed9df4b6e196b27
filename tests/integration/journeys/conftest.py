"""The `api` fixture: the test client wrapped so every answer is checked (see support.py)."""

from __future__ import annotations

from typing import Any

import pytest

from chezflora.bootstrap import Container
from tests.integration.journeys.support import Api


@pytest.fixture
def api(client: Any, container: Container) -> Api:
    return Api(client, container)
