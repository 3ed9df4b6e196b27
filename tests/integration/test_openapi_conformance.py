"""Schemathesis walks every route of the OpenAPI document as nobody, a client and an admin:
zero server errors, and every answer (status, content type, body, headers) as documented."""

from __future__ import annotations

import contextlib

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.python.asgi import get_client
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.integration.helpers import bearer, make_admin, make_client

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
EXAMPLES = 10  # per operation, mode and role: bounds the walk (about 40 s alone on 2 cores)


def _summary(failure: BaseException, response) -> str:
    found = getattr(failure, "exceptions", [failure])
    lines = [f"{type(e).__name__}: {str(e).strip().splitlines()[0][:200]}" for e in found]
    return f"{response.status_code} {response.text[:160]}\n  " + "\n  ".join(lines)


def test_every_route_answers_as_documented(client, container, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("one backend is enough for the document's conformance")
    _, admin = make_admin(client, container)
    _, customer = make_client(client, container, "cliente")
    roles = {"anonyme": {}, "client": bearer(customer), "admin": bearer(admin)}
    schema = schemathesis.openapi.from_dict(client.get("/api/schema/").json())
    session = get_client(client.app)
    failures: dict[tuple[str, str], str] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                derandomize=True,
                deadline=None,
                database=None,
                phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            )
            def walk(case):
                label = case.operation.label
                for role, headers in roles.items():
                    response = case.call(
                        session=session, base_url="http://testserver.local", headers=headers
                    )
                    try:
                        case.validate_response(response, checks=CHECKS)
                    except (Exception, BaseExceptionGroup) as failure:
                        failures.setdefault((label, role), _summary(failure, response))

            with contextlib.suppress(Unsatisfiable):  # nothing to negate (no input at all)
                walk()
    report = "\n\n".join(f"{label} [{role}]\n{text}" for (label, role), text in failures.items())
    assert not failures, f"{len(failures)} failures:\n{report}"


def test_the_document_names_error_bodies_closed_inputs_and_options(client):
    schema = client.get("/api/schema/").json()
    components = schema["components"]["schemas"]
    assert set(components["Erreur"]["required"]) == {"error", "detail"}
    for path, operations in schema["paths"].items():
        assert "options" in operations, path
        for method, operation in operations.items():
            for code, answer in operation["responses"].items():
                if code.startswith(("4", "5")) and method != "options":
                    media = answer["content"]["application/json"]["schema"]
                    assert media == {"$ref": "#/components/schemas/Erreur"}, (path, method, code)
    login = schema["paths"]["/api/token"]["post"]["responses"]
    assert {"200", "400", "401", "403", "429"} <= set(login)
    assert components["Credentials"]["additionalProperties"] is False
    assert components["LineIn"]["additionalProperties"] is False  # nested in SubscriptionIn
    upsert = schema["paths"]["/api/parametres"]["post"]["responses"]
    assert upsert["200"] == upsert["201"]  # created, or updated by key
    simulate = schema["paths"]["/api/paiements/{payment_id}/simuler"]["post"]
    assert simulate["requestBody"]["required"] is False
    assert {"401", "403", "404", "409"} <= set(simulate["responses"])
