"""Who may do what on every workshop endpoint: anonymous, a registered client, another
client, an admin. Refusals leave everything as it was."""

from __future__ import annotations

import pytest

from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.workshop_rows import (
    add_workshop,
    registrations_of,
    seat_payments,
    workshop_row,
)

NEW = {
    "nom": "Bouquet",
    "date": "2030-01-01T10:00",
    "duree": 60,
    "prix": "1000",
    "places_totales": 4,
}


@pytest.fixture
def world(client, container):
    now = container.clock.now()
    ids = {
        "open": add_workshop(container.engine, now, seats=2),
        "hidden": add_workshop(container.engine, now, is_active=False),
        "doomed": add_workshop(container.engine, now),
    }
    owner_id, owner = make_client(client, container, "owner")
    _, other = make_client(client, container, "other")
    _, admin = make_admin(client, container)
    registered = client.post(f"/api/ateliers/{ids['open']}/s_inscrire/", headers=bearer(owner))
    assert registered.status_code == 200
    ids["owner_id"] = owner_id
    return ids, {"anon": None, "owner": owner, "other": other, "admin": admin}


def _call(client, token, method, path, body=None):
    headers = bearer(token) if token else {}
    return client.request(method, path, json=body, headers=headers)


ADMIN_ONLY = [
    ("POST", "/api/ateliers/", NEW, 201),
    ("PUT", "/api/ateliers/{open}/", {"nom": "Renommé"}, 200),
    ("PATCH", "/api/ateliers/{open}/", {"places_disponibles": 0}, 200),
    ("GET", "/api/ateliers/{open}/participants/", None, 200),
    ("GET", "/api/ateliers/stats/", None, 200),
    ("GET", "/api/ateliers/export_csv/", None, 200),
    ("GET", "/api/ateliers/participants/export_csv/", None, 200),
    ("POST", "/api/ateliers/{doomed}/cancel/", {"raison": "Pluie"}, 200),
    ("DELETE", "/api/ateliers/{hidden}/", None, 204),
]


def test_admin_endpoints_refuse_anonymous_and_clients(client, container, world):
    ids, tokens = world
    for method, template, body, admin_status in ADMIN_ONLY:
        path = template.format(**ids)
        expected = {"anon": 401, "owner": 403, "other": 403, "admin": admin_status}
        for who, status in expected.items():
            answer = _call(client, tokens[who], method, path, body)
            assert answer.status_code == status, (method, path, who, answer.text)
            if status >= 400:
                assert isinstance(answer.json()["error"], str)
    # The refused PATCH never wrote `places_disponibles`; the admin's was ignored (derived).
    assert workshop_row(container.engine, ids["open"]).places_prises == 1


def test_public_reads_show_only_the_callers_own_registration(client, world):
    ids, tokens = world
    for who in ("anon", "owner", "other", "admin"):
        listed = _call(client, tokens[who], "GET", "/api/ateliers/")
        detail = _call(client, tokens[who], "GET", f"/api/ateliers/{ids['open']}")
        hidden = _call(client, tokens[who], "GET", f"/api/ateliers/{ids['hidden']}/")
        assert listed.status_code == detail.status_code == 200
        assert hidden.status_code == (200 if who == "admin" else 404)
        seen = [p["utilisateur"]["id"] for p in detail.json()["participants"]]
        assert seen == ([ids["owner_id"]] if who in ("owner", "admin") else [])
        assert "email" not in str(detail.json()["participants"])
        counted = listed.json()["count"]
        assert counted == (3 if who == "admin" else 2)


def test_registration_endpoints(client, container, world):
    ids, tokens = world
    register = f"/api/ateliers/{ids['open']}/s_inscrire/"
    leave = f"/api/ateliers/{ids['open']}/desinscription/"
    assert _call(client, None, "POST", register).status_code == 401
    assert _call(client, tokens["admin"], "POST", register).status_code == 403
    assert _call(client, tokens["owner"], "POST", register).status_code == 409
    # Nobody registers someone else: the body names no user.
    someone = {"utilisateur_id": ids["owner_id"]}
    assert _call(client, tokens["other"], "POST", register, someone).status_code == 400
    assert _call(client, None, "POST", leave).status_code == 401
    assert _call(client, tokens["admin"], "POST", leave).status_code == 409
    (payment,) = seat_payments(container.engine, ids["open"])
    simulate = f"/api/paiements/{payment.id}/simuler/"
    assert _call(client, tokens["other"], "POST", simulate).status_code == 404
    assert _call(client, tokens["other"], "POST", leave).status_code == 409
    assert len(registrations_of(container.engine, ids["open"])) == 1
    assert _call(client, tokens["other"], "POST", register).status_code == 200
    assert _call(client, tokens["owner"], "POST", leave).status_code == 200
    assert [p.statut for p in seat_payments(container.engine, ids["open"])] == [
        "echec",
        "simule",
    ]
