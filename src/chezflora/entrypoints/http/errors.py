"""One error body everywhere: {"error", "detail", "fields"?} (decisions.md §1), never HTML."""

from __future__ import annotations

import logging
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, SerializationException, ValidationException
from litestar.status_codes import HTTP_500_INTERNAL_SERVER_ERROR

from chezflora.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    TooManyRequests,
)

log = logging.getLogger("chezflora.http")

STATUS_BY_ERROR: list[tuple[type[DomainError], int]] = [
    (InvalidInput, 400),
    (NotAuthenticated, 401),
    (Forbidden, 403),
    (NotFound, 404),
    (Conflict, 409),
    (TooManyRequests, 429),
]
HTTP_MESSAGES = {
    400: "Requête invalide",
    401: "Authentification requise",
    403: "Action non autorisée",
    404: "Ressource non trouvée",
    405: "Méthode non autorisée",
    413: "Contenu trop volumineux",
    415: "Type de contenu non supporté",
    429: "Trop de requêtes",
}
_FIELD_IN_MESSAGE = re.compile(r"field `([^`]+)`")
_PATH_IN_MESSAGE = re.compile(r" - at `\$\.([^`\[]+)")


def error_body(message: str, detail: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"error": message, "detail": detail or message, **extra}


def domain_error(_: Request[Any, Any, Any], exc: DomainError) -> Response[Any]:
    status = next((code for kind, code in STATUS_BY_ERROR if isinstance(exc, kind)), 400)
    body = error_body(exc.message)
    if isinstance(exc, InvalidInput) and exc.fields:
        body["fields"] = exc.fields
    body.update(exc.extra)
    headers = {"Retry-After": str(exc.retry_after)} if isinstance(exc, TooManyRequests) else None
    return Response(body, status_code=status, headers=headers)


def validation_error(_: Request[Any, Any, Any], exc: ValidationException) -> Response[Any]:
    fields: dict[str, list[str]] = {}
    for problem in exc.extra if isinstance(exc.extra, list) else []:
        if not isinstance(problem, dict):
            continue
        name, message = _field_and_message(
            str(problem.get("key", "")), str(problem.get("message", ""))
        )
        fields.setdefault(name, []).append(message)
    if not fields:
        detail = exc.detail if "JSON" not in str(exc.detail) else "Corps JSON mal formé."
        return Response(error_body("Données invalides", str(detail)), status_code=400)
    first = next(iter(fields.items()))
    return Response(
        error_body("Données invalides", f"{first[0]} : {first[1][0]}", fields=fields),
        status_code=400,
    )


def _field_and_message(key: str, message: str) -> tuple[str, str]:
    named = _FIELD_IN_MESSAGE.search(message)
    nested = _PATH_IN_MESSAGE.search(message)
    if named and "unknown field" in message:
        return named.group(1), "Champ inconnu ou non modifiable."
    if named and "missing required field" in message:
        return named.group(1), "Ce champ est obligatoire."
    name = nested.group(1) if nested and key in {"data", ""} else key or "non_field_errors"
    if name == "data":
        name = "non_field_errors"
    return name, _french(message)


def _french(message: str) -> str:
    base = message.split(" - at ")[0]
    if ">=" in base or "<=" in base:
        return "Valeur hors limites."
    if base.startswith("Expected `int"):
        return "Un nombre entier est attendu."
    if base.startswith("Expected `bool"):
        return "Un booléen est attendu."
    if base.startswith(("Expected `decimal", "Expected `number")):
        return "Un nombre est attendu."
    if base.startswith("Expected `str"):
        return "Une chaîne de caractères est attendue."
    if base.startswith("Expected `object"):
        return "Un objet JSON est attendu."
    if base.startswith("Expected `array"):
        return "Une liste est attendue."
    if base.startswith(("Expected `datetime", "Invalid RFC3339")):
        return "Date invalide (format ISO 8601 attendu)."
    return base


def http_error(_: Request[Any, Any, Any], exc: HTTPException) -> Response[Any]:
    status = exc.status_code
    if status >= 500:
        log.error("HTTP %s: %s", status, exc.detail)
        return _internal()
    message = HTTP_MESSAGES.get(status, "Erreur")
    detail = str(exc.detail) if exc.detail and exc.detail != message else message
    headers = dict(exc.headers or {})
    return Response(error_body(message, detail), status_code=status, headers=headers or None)


def undecodable_body(_: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    """A body the decoder could not read is the client's error: a 400, and no traceback."""
    return Response(error_body("Données invalides", "Corps JSON mal formé."), status_code=400)


def unexpected_error(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return _internal()


def _internal() -> Response[Any]:
    return Response(
        error_body("Erreur interne du serveur", "Une erreur inattendue est survenue"),
        status_code=HTTP_500_INTERNAL_SERVER_ERROR,
    )


EXCEPTION_HANDLERS: dict[Any, Any] = {
    DomainError: domain_error,
    ValidationException: validation_error,
    HTTPException: http_error,
    SerializationException: undecodable_body,
    Exception: unexpected_error,
}
