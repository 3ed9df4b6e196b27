"""`Idempotency-Key` on subscription creation: the same key and body replay the first answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.enums import MediaType

from chezflora.application.identity.authentication import Viewer
from chezflora.bootstrap import Container
from chezflora.domain.errors import InvalidInput
from chezflora.domain.idempotency import KeyScope, fingerprint

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 255


def answer_once(
    request: Request[Any, Any, Any],
    container: Container,
    caller: Viewer,
    body: msgspec.Struct,
    action: Callable[[], msgspec.Struct],
    status: int = 201,
) -> Response[bytes]:
    """Run `action` once per (caller, key); without the header it simply runs."""

    def produce() -> tuple[int, bytes]:
        return status, msgspec.json.encode(action())

    key = request.headers.get(HEADER, "").strip()
    if not key:
        code, content = produce()
    else:
        if len(key) > MAX_KEY_LENGTH:
            raise InvalidInput(
                f"Clé d'idempotence trop longue ({MAX_KEY_LENGTH} caractères au plus)"
            )
        # The parsed body, re-encoded, so formatting differences do not count as another request.
        path = request.url.path.rstrip("/") + "/"
        print_ = fingerprint(request.method, path, msgspec.json.encode(body))
        code, content = container.subscriptions.run_once(
            KeyScope(caller.user_id, key), print_, produce
        )
    return Response(content=content, status_code=code, media_type=MediaType.JSON)
