"""The OpenAPI document as the server really answers, derived for every route in one place.

Litestar documents its own `{status_code, detail}` 400 and only the success status. Here, for
every operation: each error status the route can answer, with the body of decisions.md §1;
request schemas closed where the server refuses unknown fields; optional bodies optional;
OPTIONS (CORS preflight, `Allow`) on every path. Routes added later get all of it for free.

A handler can name further error statuses with `opt={"errors": (401, 403)}` (business
answers a generic rule cannot see, such as a banned user's 403 at login), and further success
statuses with `opt={"success": (200,)}` (an upsert answering 201 or 200). A handler that
reads its own body (multipart forms) describes it with `opt={"body": {...}}`, an OpenAPI
request body object.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from litestar import Litestar, Request
from litestar.handlers import HTTPRouteHandler
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.routes import HTTPRoute

from chezflora.entrypoints.http.errors import HTTP_MESSAGES

ERROR_REF = {"$ref": "#/components/schemas/Erreur"}
ERROR_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Toutes les erreurs (decisions §1) ; `fields` seulement pour la validation.",
    "required": ["error", "detail"],
    "properties": {
        "error": {"type": "string"},
        "detail": {"type": "string"},
        "fields": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
RETRY_AFTER = {"Retry-After": {"description": "Secondes à attendre", "schema": {"type": "string"}}}
WRITES = frozenset({"post", "put", "patch", "delete"})
METHODS = ("get", "post", "put", "patch", "delete")
_STATE_KEY = "openapi_document"
_PARAMETER = re.compile(r"\{(\w+):[^}]+\}")


def document(app: Litestar) -> dict[str, Any]:
    """The exact document, built once per app (the first call costs about half a second)."""
    cached = app.state.get(_STATE_KEY)
    if cached is None:
        cached = describe(app.openapi_schema.to_schema(), _handlers(app))
        app.state[_STATE_KEY] = cached
    return dict(cached)


def describe(
    schema: dict[str, Any], handlers: dict[tuple[str, str], HTTPRouteHandler]
) -> dict[str, Any]:
    schema = copy.deepcopy(schema)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Erreur"] = ERROR_SCHEMA
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            handler = handlers.get((path, method))
            _errors(operation, method, handler)
            _request_body(operation, handler, components)
            _success(operation, handler)
        operations["options"] = _options(path, operations)
    return schema


def _handlers(app: Litestar) -> dict[tuple[str, str], HTTPRouteHandler]:
    found: dict[tuple[str, str], HTTPRouteHandler] = {}
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        path = _PARAMETER.sub(r"{\1}", route.path).rstrip("/") or "/"
        for handler in route.route_handlers:
            for method in handler.http_methods:
                found[(path, method.lower())] = handler
    return found


def statuses(method: str, handler: HTTPRouteHandler | None) -> set[int]:
    """Every error status the route can answer (400 and 404 everywhere: input, pages, ids)."""
    codes = {400, 404}
    names = set(handler.parsed_fn_signature.parameters) if handler is not None else set()
    if names & {"caller", "admin"}:
        codes |= {401, 403}
    if method in WRITES:
        # Conflicts (stock, transitions, Idempotency-Key), body limits, throttling.
        codes |= {409, 413, 415, 429}
    if handler is not None:
        codes |= set(handler.opt.get("errors", ()))
    return codes


def _errors(operation: dict[str, Any], method: str, handler: HTTPRouteHandler | None) -> None:
    responses = operation.setdefault("responses", {})
    for code in sorted(statuses(method, handler)):
        answer: dict[str, Any] = {
            "description": HTTP_MESSAGES.get(code, "Erreur"),
            "content": {"application/json": {"schema": ERROR_REF}},
        }
        if code == 429:
            answer["headers"] = RETRY_AFTER
        responses[str(code)] = answer


def _request_body(
    operation: dict[str, Any], handler: HTTPRouteHandler | None, components: dict[str, Any]
) -> None:
    if handler is not None and "body" in handler.opt:
        operation["requestBody"] = copy.deepcopy(handler.opt["body"])
    body = operation.get("requestBody")
    if body is None or handler is None:
        return
    parameter = handler.parsed_fn_signature.parameters.get("data")
    if parameter is not None and parameter.has_default:
        body["required"] = False  # actions: nothing, null or {}
    for content in body.get("content", {}).values():
        _close(content.get("schema", {}), components, set())


def _close(schema: dict[str, Any], components: dict[str, Any], seen: set[str]) -> None:
    """Structs refuse unknown fields (400): their schemas say so, nested ones too."""
    reference = schema.get("$ref", "")
    if reference:
        name = reference.rsplit("/", 1)[-1]
        if name in seen or name not in components:
            return
        seen.add(name)
        schema = components[name]
    if "properties" in schema:
        schema["additionalProperties"] = False
    for key in ("oneOf", "anyOf", "allOf"):
        for member in schema.get(key, []):
            _close(member, components, seen)
    for child in schema.get("properties", {}).values():
        _close(child, components, seen)
    if isinstance(schema.get("items"), dict):
        _close(schema["items"], components, seen)


def _success(operation: dict[str, Any], handler: HTTPRouteHandler | None) -> None:
    """Other success statuses a handler names (`opt={"success": (200,)}`, e.g. an upsert)
    share the documented one's body. A handler that hands back raw JSON bytes (idempotent
    replays) is documented as a string: it is any JSON value."""
    responses = operation.setdefault("responses", {})
    documented = next((c for c in sorted(responses) if c.startswith("2")), None)
    for code in handler.opt.get("success", ()) if handler is not None and documented else ():
        responses.setdefault(str(code), copy.deepcopy(responses[str(documented)]))
    for code, answer in responses.items():
        if not code.startswith("2"):
            continue
        json_body = answer.get("content", {}).get("application/json", {})
        if json_body.get("schema") == {"type": "string"}:
            json_body["schema"] = {"description": "Corps JSON (rejoué tel quel si Idempotency-Key)"}


def _options(path: str, operations: dict[str, Any]) -> dict[str, Any]:
    allowed = ", ".join([*(m.upper() for m in METHODS if m in operations), "OPTIONS"])
    in_path = {
        parameter["name"]: parameter
        for method in METHODS
        for parameter in operations.get(method, {}).get("parameters", [])
        if parameter.get("in") == "path"
    }
    return {
        "parameters": list(in_path.values()),
        "summary": "Méthodes permises (et pré-vérification CORS, sans authentification)",
        "operationId": "Options" + re.sub(r"\W", "", path.title()),
        "tags": ["systeme"],
        "responses": {
            "204": {
                "description": f"Méthodes permises : {allowed}",
                "headers": {"Allow": {"schema": {"type": "string"}}},
            },
            "400": {
                "description": "Pré-vérification CORS refusée",
                "content": {"text/plain": {"schema": {"type": "string"}}},
            },
            "404": {
                "description": HTTP_MESSAGES[404],
                "content": {"application/json": {"schema": ERROR_REF}},
            },
        },
    }


class DocumentedSwagger(SwaggerRenderPlugin):
    """Swagger UI on the exact document, not Litestar's first draft."""

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, document(request.app))
