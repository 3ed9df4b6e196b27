"""Bodies are checked before throttling, auth and decoding: depth, size, media type, strict
integers, control characters, and no fields on actions that take none (issue 12)."""

from __future__ import annotations

import logging

import pytest

from tests.integration.helpers import PASSWORD, bearer, make_admin, make_client

JSON = {"content-type": "application/json"}


def _is_error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] and body["detail"]
    return body


@pytest.mark.parametrize("opening,closing", [("[", "]"), ('{"a":', "}")])
def test_deeply_nested_json_is_a_400_before_throttling_and_auth(
    client, container, opening, closing, caplog
):
    deep = opening * 1000 + "1" * (opening == '{"a":') + closing * 1000
    with caplog.at_level(logging.INFO, logger="chezflora"):
        for path in (
            "/api/token/",
            "/api/abonnements/",
            "/api/paiements/1/simuler/",
            "/api/articles/",  # a route that reads its own form-or-JSON body
        ):
            _is_error(client.post(path, content=deep, headers=JSON), 400)
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    # Eleven anonymous logins would hit the throttle (10/min): none of these counted.
    assert client.post("/api/token/", json={"username": "x", "password": "y"}).status_code == 400


def test_routes_reading_their_own_body_keep_the_json_limits(client, container):
    _, admin = make_admin(client, container)
    deep = "[" * 1000 + "]" * 1000
    headers = {**JSON, **bearer(admin)}
    _is_error(client.post("/api/articles/", content=deep, headers=headers), 400)
    _is_error(
        client.post(
            "/api/articles/",
            content="x",
            headers={**bearer(admin)} | {"content-type": "text/plain"},
        ),
        415,
    )
    form = client.post(
        "/api/articles/",
        data={"titre": "Soins", "contenu": "<p>Arrosez</p>"},
        headers=bearer(admin),
    )
    assert form.status_code == 201, form.text


def test_modest_nesting_and_malformed_json(client):
    _is_error(client.post("/api/token/", content='{"username":', headers=JSON), 400)
    _is_error(client.post("/api/token/", content="[" * 20 + "]" * 20, headers=JSON), 400)


def test_oversized_json_is_a_413(client):
    huge = '{"username": "' + "a" * (1024 * 1024 + 10) + '", "password": "x"}'
    _is_error(client.post("/api/token/", content=huge, headers=JSON), 413)


@pytest.mark.parametrize(
    "media", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
def test_a_json_route_refuses_other_media_types(client, media):
    body = '{"username": "a", "password": "b"}'
    _is_error(client.post("/api/token/", content=body, headers={"content-type": media}), 415)


def test_integers_are_integers_or_digit_strings(client, container):
    _, token = make_client(client, container, "ama")
    headers = bearer(token)
    for bad in (1.0, "1e3", "1.5", True, "abc"):
        body = {"type": "mensuel", "produit_quantites": [{"produit_id": 1, "quantite": bad}]}
        body["date_debut"] = "2030-01-01"
        answer = _is_error(client.post("/api/abonnements/", json=body, headers=headers), 400)
        assert answer["fields"] == {"produit_quantites": ["Un nombre entier est attendu."]}
    for good in (1, "2"):
        body = {"type": "mensuel", "produit_quantites": [{"produit_id": 99, "quantite": good}]}
        body["date_debut"] = "2030-01-01"
        answer = _is_error(client.post("/api/abonnements/", json=body, headers=headers), 400)
        assert "introuvable" in answer["error"]  # got past the integer check


@pytest.mark.parametrize("text", ["Ro\x00se", "Rose\x1b[31m", "a\x7f"])
def test_control_characters_are_refused_in_text(client, container, text):
    _, admin = make_admin(client, container)
    answer = _is_error(
        client.post("/api/categories/", json={"nom": text}, headers=bearer(admin)), 400
    )
    assert answer["fields"] == {"nom": ["Caractères de contrôle interdits."]}


def test_line_breaks_and_tabs_stay_allowed(client, container):
    _, admin = make_admin(client, container)
    created = client.post(
        "/api/categories/",
        json={"nom": "Roses", "description": "a\n\tb\r\n"},
        headers=bearer(admin),
    )
    assert created.status_code == 201, created.text


def test_actions_refuse_fields_but_accept_nothing_or_an_empty_object(client, container):
    _, admin = make_admin(client, container)
    headers = bearer(admin)
    for path in ("/api/paiements/1/simuler/", "/api/paiements/1/rembourser/"):
        answer = _is_error(client.post(path, json={"montant": 1}, headers=headers), 400)
        assert answer["fields"] == {"montant": ["Champ inconnu ou non modifiable."]}
        assert client.post(path, headers=headers).status_code == 404
        assert client.post(path, json={}, headers=headers).status_code == 404
    answer = _is_error(
        client.request("DELETE", "/api/utilisateurs/999/", json={"x": 1}, headers=headers), 400
    )
    assert answer["fields"] == {"x": ["Champ inconnu ou non modifiable."]}


def test_resend_otp_by_email_does_not_tell_whether_an_inactive_account_exists(client):
    created = client.post(
        "/api/register/", json={"username": "ama", "email": "ama@example.cm", "password": "x" * 10}
    )
    assert created.status_code == 201
    answers = [
        client.post("/api/resend-otp/", json={"email": mail})
        for mail in ("ama@example.cm", "nobody@example.cm", "ama@example.cm")
    ]
    assert {(a.status_code, a.text) for a in answers} == {(200, '{"status":"Nouvel OTP envoyé"}')}


def test_media_404_never_shows_a_path_on_disk(client, container):
    (container.settings.media_dir / "photos").mkdir(parents=True, exist_ok=True)
    for path in ("/media/nope.jpg", "/media/photos", "/media/photos/", "/media/a/b/c.png"):
        answer = client.get(path)
        assert answer.status_code == 404, answer.text
        assert answer.json() == {"error": "Fichier non trouvé", "detail": "Fichier non trouvé"}
        assert str(container.settings.data_dir) not in answer.text


def test_csv_exports_name_their_charset_once(client, container):
    _, admin = make_admin(client, container)
    for path in ("/api/commandes/export/", "/api/paiements/export/"):
        answer = client.get(path, headers=bearer(admin))
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "text/csv; charset=utf-8"


def test_failed_logins_are_limited_per_account_beside_per_ip(client, container):
    from chezflora.adapters.rate_limit import MemoryRateLimiter

    now = [1000.0]
    rates = {"login": "100/minute", "login_account": "3/15minutes"}
    container.rate_limiter = MemoryRateLimiter(rates, now=lambda: now[0])
    make_client(client, container, "alice")
    make_client(client, container, "bob")

    def log_in(username, password):
        return client.post("/api/token/", json={"username": username, "password": password})

    assert [log_in("alice", "faux-mot-de-passe").status_code for _ in range(3)] == [400] * 3
    locked = log_in("alice", PASSWORD)  # even the right password waits a little
    assert locked.status_code == 429 and int(locked.headers["retry-after"]) >= 1
    assert log_in("bob", PASSWORD).status_code == 200  # other accounts are untouched
    now[0] += 2 * 900  # the lock slides away: a real user is not kept out for long
    assert log_in("alice", PASSWORD).status_code == 200
    # Successful logins never count against the account.
    assert all(log_in("alice", PASSWORD).status_code == 200 for _ in range(5))
