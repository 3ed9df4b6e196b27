"""The body checks applied to every journey answer can fail (a check that cannot is a defect)."""

from __future__ import annotations

import pytest

from tests.integration.journeys.support import check_body


@pytest.mark.parametrize(
    "body",
    [
        {"id": 1, "password": "x"},
        {"results": [{"client": {"password_hash": "x"}}]},
        {"user": {"secret": "$argon2id$v=19$m=64,t=1,p=1$abc"}},
        {"prix": "1500.00"},
        {"items": [{"produit": {"prix_reduit": "1200.00"}}]},
        {"total": True},
        {"montant": None},
        {"error": "x", "detail": "x", "user": {"password_hash": "x"}},
    ],
)
def test_leaks_and_string_money_are_caught(body: object) -> None:
    with pytest.raises(AssertionError):
        check_body(body)


@pytest.mark.parametrize(
    "body",
    [
        {"prix": 1500.0, "prix_reduit": None, "total": 0, "reduction": 0.2},
        [{"cle": "site_name", "valeur": "ChezFlora"}],
        {"error": "Données invalides", "fields": {"prix": ["Nombre attendu"]}},
        {"error": "Données invalides", "fields": {"password": ["Au moins 8 caractères"]}},
    ],
)
def test_clean_bodies_pass(body: object) -> None:
    check_body(body)
