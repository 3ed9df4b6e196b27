"""Who may call what: every identity endpoint as anonymous, client, other client and admin."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.integration.helpers import PASSWORD, bearer, make_admin, make_client


@dataclass
class Callers:
    client_id: int
    client: str
    other_id: int
    other: str
    admin_id: int
    admin: str


@pytest.fixture
def callers(client: Any, container: Any) -> Callers:
    client_id, client_token = make_client(client, container, "cliente")
    other_id, other_token = make_client(client, container, "autre")
    admin_id, admin_token = make_admin(client, container)
    return Callers(client_id, client_token, other_id, other_token, admin_id, admin_token)


def call(client: Any, method: str, path: str, token: str | None, body: Any = None) -> int:
    headers = bearer(token) if token else {}
    response = client.request(method, path, json=body, headers=headers)
    assert "password" not in response.text.lower().replace("_password", "")
    return int(response.status_code)


# (method, path template, body, anonymous, client, admin) — {me}, {other} are user ids.
MATRIX = [
    ("GET", "/api/utilisateurs/me/", None, 401, 200, 200),
    ("PATCH", "/api/update-profile/", {"telephone": "699"}, 401, 200, 200),
    ("GET", "/api/utilisateurs/", None, 401, 403, 200),
    (
        "POST",
        "/api/utilisateurs/",
        {"username": "neo", "email": "neo@x.cm", "password": PASSWORD},
        401,
        403,
        201,
    ),
    ("GET", "/api/utilisateurs/{me}/", None, 401, 200, 200),
    ("GET", "/api/utilisateurs/{other}/", None, 401, 403, 200),
    ("PUT", "/api/utilisateurs/{other}/", {"telephone": "1"}, 401, 403, 200),
    ("PATCH", "/api/utilisateurs/{other}/", {"telephone": "1"}, 401, 403, 200),
    ("PUT", "/api/utilisateurs/{me}/", {"telephone": "2"}, 401, 200, 200),
    ("POST", "/api/ban-user/", {"user_id": "{other}"}, 401, 403, 200),
    ("DELETE", "/api/utilisateurs/{other}/", None, 401, 403, 204),
    ("GET", "/api/parametres/", None, 401, 403, 200),
    ("POST", "/api/parametres/", {"cle": "k", "valeur": "v"}, 401, 403, 201),
    ("GET", "/api/parametres/public/", None, 200, 200, 200),
    ("GET", "/api/health/", None, 200, 200, 200),
]


def _fill(template: Any, me: int, other: int) -> Any:
    if isinstance(template, str):
        return template.replace("{me}", str(me)).replace("{other}", str(other))
    if isinstance(template, dict):
        return {k: _fill(v, me, other) for k, v in template.items()}
    return template


@pytest.mark.parametrize(("method", "path", "body", "anonymous", "as_client", "as_admin"), MATRIX)
def test_identity_endpoint_authorization(
    client, callers, method, path, body, anonymous, as_client, as_admin
):
    # "me" is the caller for the client row; the admin acts on the same target users.
    assert (
        call(
            client,
            method,
            _fill(path, callers.client_id, callers.other_id),
            None,
            _fill(body, callers.client_id, callers.other_id),
        )
        == anonymous
    )
    assert (
        call(
            client,
            method,
            _fill(path, callers.client_id, callers.other_id),
            callers.client,
            _fill(body, callers.client_id, callers.other_id),
        )
        == as_client
    )
    admin_path = _fill(path, callers.admin_id, callers.other_id)
    assert (
        call(
            client,
            method,
            admin_path,
            callers.admin,
            _fill(body, callers.admin_id, callers.other_id),
        )
        == as_admin
    )


def test_parameter_detail_writes_are_admin_only(client, callers):
    created = client.post(
        "/api/parametres/", json={"cle": "x", "valeur": "1"}, headers=bearer(callers.admin)
    )
    path = f"/api/parametres/{created.json()['id']}/"
    for method, body in (
        ("GET", None),
        ("PUT", {"valeur": "2"}),
        ("PATCH", {"valeur": "3"}),
        ("DELETE", None),
    ):
        assert call(client, method, path, None, body) == 401
        assert call(client, method, path, callers.client, body) == 403
    assert call(client, "PATCH", path, callers.admin, {"valeur": "4"}) == 200
    assert call(client, "DELETE", path, callers.admin, None) == 204
    assert call(client, "GET", path, callers.admin, None) == 404


def test_a_client_cannot_promote_or_unban_themself(client, callers):
    for body in ({"role": "admin"}, {"is_banned": False}, {"is_active": True}):
        response = client.patch("/api/update-profile/", json=body, headers=bearer(callers.client))
        assert response.status_code == 400
    me = client.get("/api/utilisateurs/me/", headers=bearer(callers.client)).json()
    assert me["role"] == "client"


def test_deleting_ones_own_account_makes_login_fail(client, callers):
    assert client.delete("/api/utilisateurs/me/", headers=bearer(callers.client)).status_code == 204
    assert (
        client.post("/api/token/", json={"username": "cliente", "password": PASSWORD}).status_code
        == 400
    )
    users = client.get("/api/utilisateurs/?search=cliente", headers=bearer(callers.admin)).json()
    assert users["count"] == 0


def test_no_user_shape_ever_contains_a_password_hash(client, callers):
    shapes = [
        client.get("/api/utilisateurs/me/", headers=bearer(callers.client)).text,
        client.get("/api/utilisateurs/", headers=bearer(callers.admin)).text,
        client.get(f"/api/utilisateurs/{callers.other_id}/", headers=bearer(callers.admin)).text,
        client.patch(
            "/api/update-profile/", json={"adresse": "Douala"}, headers=bearer(callers.client)
        ).text,
        client.post(
            "/api/utilisateurs/",
            json={"username": "neo", "email": "neo@x.cm", "password": PASSWORD},
            headers=bearer(callers.admin),
        ).text,
    ]
    for text in shapes:
        assert "$argon2" not in text and "password" not in text
