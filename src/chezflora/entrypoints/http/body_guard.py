"""Request bodies checked before anything else runs (throttling, auth, decoding into structs).

One hook for every route, so routes added later get the same rules: a JSON body is at most
`MAX_JSON_BYTES` and `MAX_DEPTH` levels deep (a deeper one would exhaust the decoder), is sent as
JSON (another declared type → 415), and matches its struct strictly where msgspec's lenient mode
is too lenient: an integer is an integer or a string of digits (never `1.0` or `"1e3"`), text
carries no control characters, and a route that takes no body refuses fields (400). An id in
the path beyond BIGINT is a 404 (no such row) rather than a driver overflow.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import msgspec
from litestar import Request
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException, SerializationException
from litestar.handlers import HTTPRouteHandler

from chezflora.domain.errors import InvalidInput, NotFound

MAX_DEPTH = 32
MAX_JSON_BYTES = 1024 * 1024
WITH_BODY = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_MEDIA = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})
NOT_AN_INTEGER = "Un nombre entier est attendu."
CONTROL_CHARACTERS = "Caractères de contrôle interdits."
UNKNOWN_FIELD = "Champ inconnu ou non modifiable."
NOT_JSON = "Le corps doit être du JSON (application/json)."
TOO_LARGE = f"Corps JSON limité à {MAX_JSON_BYTES // 1024} Ko."
_INTEGER_TEXT = re.compile(r"[+-]?\d{1,30}")
# Control characters other than tab, line feed and carriage return (kept for descriptions).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"')
_OPENING = frozenset(b"[{")
_CLOSING = frozenset(b"]}")


async def guard_body(request: Request[Any, Any, Any]) -> None:
    """The app's `before_request` hook (runs before dependencies and the handler)."""
    if any(_beyond_bigint(value) for value in request.path_params.values()):
        raise NotFound("Ressource non trouvée")  # no row has such an id; the driver would overflow
    if request.method not in WITH_BODY:
        return
    handler = request.route_handler
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    # `opt={"form": True}`: the handler reads a form or JSON itself and checks its own fields;
    # its JSON still gets the size and depth limits below.
    reads_own_body = bool(handler.opt.get("form"))
    if _takes_form(handler) or (reads_own_body and media in FORM_MEDIA):
        return
    body = await request.body()
    if not body.strip():
        return
    if media and media != "application/json" and not media.endswith("+json"):
        raise HTTPException(
            status_code=415, detail="Le corps doit être du JSON (application/json)."
        )
    if len(body) > MAX_JSON_BYTES:
        raise HTTPException(
            status_code=413, detail=f"Corps JSON limité à {MAX_JSON_BYTES // 1024} Ko."
        )
    if too_deep(body):
        raise InvalidInput(f"Corps JSON trop imbriqué (au plus {MAX_DEPTH} niveaux).")
    if reads_own_body:
        return
    expected = _body_type(handler)
    if expected is None:
        _refuse_fields(await _decoded(request))
    elif not isinstance(expected, msgspec.inspect.AnyType):
        problem = _first_problem(expected, await _decoded(request))
        if problem is not None:
            raise InvalidInput(problem[1], fields={problem[0]: [problem[1]]})


async def _decoded(request: Request[Any, Any, Any]) -> object:
    """The parsed body, kept by Litestar for the handler (decoded once)."""
    try:
        return await request.json()
    except SerializationException:
        raise InvalidInput("Corps JSON mal formé.") from None


def _beyond_bigint(value: object) -> bool:
    return isinstance(value, int) and not -(2**63) <= value < 2**63


def too_deep(body: bytes) -> bool:
    """Whether brackets outside strings nest deeper than MAX_DEPTH (cheap when they can't)."""
    if body.count(b"[") + body.count(b"{") <= MAX_DEPTH:
        return False
    depth = 0
    for byte in _STRINGS.sub(b'""', body):
        if byte in _OPENING:
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif byte in _CLOSING:
            depth -= 1
    return False


def _refuse_fields(raw: object) -> None:
    if raw is None or raw == {}:
        return
    if isinstance(raw, dict):
        raise InvalidInput(UNKNOWN_FIELD, fields={str(key): [UNKNOWN_FIELD] for key in raw})
    raise InvalidInput("Aucun corps attendu.")


@cache
def _takes_form(handler: HTTPRouteHandler) -> bool:
    parameter = handler.parsed_fn_signature.parameters.get("data")
    kwarg = parameter.kwarg_definition if parameter is not None else None
    media = getattr(kwarg, "media_type", None)
    return media in {RequestEncodingType.MULTI_PART, RequestEncodingType.URL_ENCODED}


@cache
def _body_type(handler: HTTPRouteHandler) -> msgspec.inspect.Type | None:
    parameter = handler.parsed_fn_signature.parameters.get("data")
    if parameter is None:
        return None
    try:
        return msgspec.inspect.type_info(parameter.annotation)
    except (TypeError, ValueError):
        return msgspec.inspect.AnyType()


def _first_problem(
    kind: msgspec.inspect.Type, raw: object, name: str = ""
) -> tuple[str, str] | None:
    """(field, message) of the first value msgspec's lenient mode would wrongly accept."""
    if isinstance(kind, msgspec.inspect.UnionType):
        return _in_union(kind, raw, name)
    if isinstance(kind, msgspec.inspect.StructType) and isinstance(raw, dict):
        for field in kind.fields:
            if field.encode_name in raw:
                found = _first_problem(field.type, raw[field.encode_name], name or field.name)
                if found:
                    return found
        return None
    if isinstance(kind, msgspec.inspect.IntType):
        return None if _is_integer(raw) else (name or "non_field_errors", NOT_AN_INTEGER)
    if isinstance(kind, msgspec.inspect.StrType | msgspec.inspect.AnyType) and isinstance(raw, str):
        return (name or "non_field_errors", CONTROL_CHARACTERS) if _CONTROL.search(raw) else None
    if isinstance(kind, msgspec.inspect.DictType) and isinstance(raw, dict):
        return _in_items(kind.value_type, list(raw.values()), name)
    if isinstance(kind, msgspec.inspect.ListType | msgspec.inspect.SetType) and isinstance(
        raw, list
    ):
        return _in_items(kind.item_type, raw, name)
    return None


def _in_items(kind: msgspec.inspect.Type, items: list[Any], name: str) -> tuple[str, str] | None:
    for item in items:
        found = _first_problem(kind, item, name)
        if found:
            return found
    return None


def _in_union(kind: msgspec.inspect.UnionType, raw: object, name: str) -> tuple[str, str] | None:
    if raw is None:
        return None
    members = [t for t in kind.types if not isinstance(t, msgspec.inspect.NoneType)]
    for wanted, preferred in _MATCHES:
        if isinstance(raw, wanted):
            for member_kind in preferred:
                fitting = [m for m in members if isinstance(m, member_kind)]
                if fitting:
                    return _first_problem(fitting[0], raw, name)
            return None
    return None


_I = msgspec.inspect
# For each JSON value, the member kinds of a union that msgspec would try, most natural first.
_MATCHES: list[tuple[Any, tuple[Any, ...]]] = [
    (dict, (_I.StructType, _I.DictType)),
    (list, (_I.ListType, _I.SetType)),
    (str, (_I.StrType, _I.DecimalType, _I.FloatType, _I.IntType)),
    (bool, (_I.BoolType,)),
    (float, (_I.FloatType, _I.DecimalType, _I.IntType)),
    (int, (_I.IntType,)),
]


def _is_integer(raw: object) -> bool:
    if isinstance(raw, bool):
        return False
    if isinstance(raw, int):
        return True
    return isinstance(raw, str) and _INTEGER_TEXT.fullmatch(raw) is not None
