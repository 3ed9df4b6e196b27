"""Every route of the OpenAPI document, fed junk as an admin and as nobody, answers 4xx, never 5xx."""

from __future__ import annotations

import re

import pytest

from tests.integration.helpers import bearer, make_admin

HUGE = 10**30  # beyond BIGINT
# Each body fits one resource's field names, so it gets past the unknown-field check.
JUNK_BODIES = [
    {},
    [],
    "texte",
    {"produit_id": HUGE, "quantite": 1},
    {"produit_id": "abc", "quantite": "x"},
    {"adresse_id": HUGE},
    {
        "nom": "Z",
        "description": "d",
        "prix": 1,
        "stock": 1,
        "categorie_id": HUGE,
        "promotions": [HUGE],
    },
    {"nom": "Z", "prix": "NaN", "stock": 1e308},
    {"nom": "P", "reduction": "1e999", "date_debut": "2026-13-45", "date_fin": "zz"},
    {
        "nom": "P",
        "reduction": 0.1,
        "date_debut": "2026-01-01",
        "date_fin": "2027-01-01",
        "produit_ids": [HUGE],
        "categorie_id": HUGE,
    },
    {
        "type": "mensuel",
        "produit_quantites": [{"produit_id": HUGE, "quantite": HUGE}],
        "date_debut": "2030-01-01",
    },
    {"user_id": HUGE, "code": "x"},
    {"username": "u" * 400, "email": "e" * 400, "password": "p" * 5000},
    {"cle": "a" * 300, "valeur": None},
    {"statut": 5},
]
JUNK_QUERY = "?page=abc&per_page=-1&ordering=__&days=x&date_min=zz&statut=zz&prix_min=abc&status=x"
IDS = ["1", "0", "999999", "abc"]


def _paths(schema: dict) -> list[tuple[str, str]]:
    routes = []
    for path, operations in schema["paths"].items():
        for method in operations:
            if method in {"get", "post", "put", "patch", "delete"}:
                routes.append((method.upper(), path))
    return routes


def test_junk_never_makes_a_server_error(client, container, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("one backend is enough to walk every route with junk")
    _, admin = make_admin(client, container)
    category = client.post("/api/categories/", json={"nom": "Roses"}, headers=bearer(admin)).json()
    client.post(
        "/api/produits/",
        json={
            "nom": "Rose",
            "description": "x",
            "prix": 100,
            "stock": 5,
            "categorie_id": category["id"],
        },
        headers=bearer(admin),
    )
    failures = []
    for method, template in _paths(client.get("/api/schema/").json()):
        for identifier in IDS if "{" in template else [""]:
            path = re.sub(r"\{[^}]+\}", identifier, template)
            for headers in (bearer(admin), {}):
                if method == "GET":
                    attempts = [client.get(path + JUNK_QUERY, headers=headers)]
                else:
                    attempts = [client.request(method, path, headers=headers)] + [
                        client.request(method, path, json=body, headers=headers)
                        for body in JUNK_BODIES
                    ]
                failures += [
                    (method, path, r.status_code) for r in attempts if r.status_code >= 500
                ]
    assert failures == []
