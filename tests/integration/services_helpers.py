"""Helpers for service, réalisation and quote HTTP tests."""

from __future__ import annotations

from typing import Any

from tests.integration.catalogue_helpers import image_bytes
from tests.integration.helpers import bearer


def make_service(client: Any, admin: str, nom: str = "Mariage", **extra: Any) -> int:
    body = {"nom": nom, "description": "Décoration florale", "is_active": "true", **extra}
    created = client.post("/api/services/", json=body, headers=bearer(admin))
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def make_realisation(client: Any, admin: str, service_id: int, **extra: Any) -> int:
    body = {
        "service_id": str(service_id),
        "titre": "Mariage à Kribi",
        "description": "Arche de roses",
        "date": "2025-03-01",
        "is_active": "true",
        **extra,
    }
    created = client.post("/api/realisations/", json=body, headers=bearer(admin))
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def upload_photo(client: Any, token: str, entity_type: str, entity_id: int) -> Any:
    return client.post(
        "/api/photos/",
        files={"image": ("x.png", image_bytes(), "image/png")},
        data={"entity_type": entity_type, "entity_id": str(entity_id)},
        headers=bearer(token),
    )


def make_quote(client: Any, token: str, service_id: int, **extra: Any) -> int:
    body = {"service_id": service_id, "description": "Déco mariage 100 pers.", **extra}
    created = client.post("/api/devis/", json=body, headers=bearer(token))
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def act(client: Any, token: str, quote_id: int, action: str, body: Any = None) -> Any:
    return client.post(f"/api/devis/{quote_id}/{action}/", json=body or {}, headers=bearer(token))


def proposed_quote(client: Any, client_token: str, admin: str, service_id: int) -> int:
    """A quote the shop has answered (en_cours at 45000 FCFA)."""
    quote_id = make_quote(client, client_token, service_id, prix_demande=50000)
    assert act(client, client_token, quote_id, "soumettre").status_code == 200
    answer = {"prix_propose": 45000, "statut": "en_cours", "commentaire_admin": "OK"}
    answered = act(client, admin, quote_id, "proposer_reponse", answer)
    assert answered.status_code == 200, answered.text
    return quote_id
