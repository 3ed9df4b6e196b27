"""`Idempotency-Key` for any POST handler: the first answer is stored and replayed for 24 h.

    return idempotent(request, caller, idempotency, data, lambda: (201, payload))
    return idempotent(request, caller, idempotency, data, work, atomic=True)

`idempotency` is the guard a handler receives by injection (the key store shared by checkout,
payment simulation, subscription creation and workshop registration, decisions §4).

`atomic=True` (checkout, payment simulation): the key, the work and its answer share one
transaction, so `work` must build its answer from what the use case returns, not by reading it
back through a queries port. Without it (the default) the work may read its answer back.

Without the header the work simply runs. The fingerprint covers method, path (trailing slash
ignored) and the parsed body re-encoded canonically, so spacing or key order do not matter
but any other value does (409).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.enums import MediaType

from chezflora.application.idempotency import IdempotencyGuard, RecordedAnswer, Replayed
from chezflora.application.identity.authentication import Viewer
from chezflora.domain.idempotency import fingerprint

HEADER = "idempotency-key"
REPLAYED_HEADER = "Idempotent-Replayed"


def idempotent(
    request: Request[Any, Any, Any],
    caller: Viewer,
    guard: IdempotencyGuard,
    body: object,
    work: Callable[[], tuple[int, object]],
    *,
    atomic: bool = False,
) -> Response[bytes]:
    key = (request.headers.get(HEADER) or "").strip()
    if not key:
        return _json(_recorded(work()))
    canonical = b"" if body is None else msgspec.json.encode(body, order="sorted")
    path = request.url.path.rstrip("/")
    outcome = guard.run(
        caller.user_id,
        key,
        fingerprint(request.method, path, canonical),
        lambda: _recorded(work()),
        atomic=atomic,
    )
    return _json(outcome.answer, replayed=isinstance(outcome, Replayed))


def _recorded(result: tuple[int, object]) -> RecordedAnswer:
    """The status and the JSON body are what the guard records and replays."""
    status, content = result
    return RecordedAnswer(status, msgspec.json.encode(content))


def _json(answer: RecordedAnswer, *, replayed: bool = False) -> Response[bytes]:
    headers = {REPLAYED_HEADER: "true"} if replayed else None
    return Response(
        answer.payload, status_code=answer.code, media_type=MediaType.JSON, headers=headers
    )
