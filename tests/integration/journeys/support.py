"""Black-box driver for the §4 journeys: HTTP only, checked on every response.

Every JSON body that passes through `Api` is walked: no key may mention a password or a hash, no
string may look like an argon2 hash, and every money field must be a JSON number (never a string,
never a boolean). The only thing taken from outside HTTP is what a real tester reads out of band:
the e-mailed code (the outbox folder) and the pre-seeded administrator (the fixture the contract
allows: "No UI path creates the first admin").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from chezflora.bootstrap import Container
from chezflora.entrypoints.cli.seeding import ensure_admin
from tests.integration.helpers import last_code

PASSWORD = "Passw0rd!"
ADMIN = "patron"

# Amounts on the wire (frontend-contract §1.8 and every stats key that carries FCFA).
MONEY_KEYS = frozenset(
    {
        "prix",
        "prix_reduit",
        "total",
        "montant",
        "prix_unitaire",
        "prix_propose",
        "prix_demande",
        "reduction",
        "revenus",
        "total_revenue",
        "revenue_last_7_days",
        "total_amount",
        "total_montant",
        "avg_montant",
        "max_montant",
        "min_montant",
        "total_sales",
    }
)
# Money that the contract allows to be absent as null.
NULLABLE_MONEY = frozenset({"prix_reduit", "prix_propose", "prix_demande"})
SECRET_KEY_PARTS = ("password", "hash")

ADDRESS = {
    "nom": "Maison",
    "rue": "1 rue X",
    "ville": "Yaoundé",
    "code_postal": "00237",
    "pays": "Cameroun",
}


def _walk(value: Any, path: str = "$") -> Iterator[tuple[str, str, Any]]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield path, key, child
            yield from _walk(child, f"{path}.{key}")
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, f"{path}[{index}]")


def check_body(body: Any) -> None:
    """The two invariants every response honours (decisions.md §1 and §2)."""
    # Error bodies carry messages under the field names ({"fields": {"prix": ["..."]}}).
    is_error = isinstance(body, dict) and "error" in body
    for where, key, value in _walk(body):
        names_an_input = is_error and where.startswith("$.fields")  # {"password": ["trop court"]}
        lowered = key.lower()
        leaks = any(part in lowered for part in SECRET_KEY_PARTS) and not names_an_input
        assert not leaks, f"{where}.{key} leaks"
        if isinstance(value, str):
            assert not value.startswith("$argon2"), f"{where}.{key} holds a hash"
        if is_error or (value is None and key in NULLABLE_MONEY):
            continue
        if key in MONEY_KEYS:
            is_number = isinstance(value, int | float) and not isinstance(value, bool)
            assert is_number, f"{where}.{key} is money but {value!r} is not a JSON number"


@dataclass
class Api:
    """The React client's HTTP calls, with the body checks applied to every answer."""

    http: Any
    container: Container

    def call(self, method: str, path: str, token: str | None = None, **kwargs: Any) -> Any:
        headers = dict(kwargs.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        response = self.http.request(method, path, headers=headers, **kwargs)
        assert response.status_code < 500, f"{method} {path}: {response.text}"
        if response.content and "json" in response.headers.get("content-type", ""):
            check_body(response.json())
        return response

    def get(self, path: str, token: str | None = None, **kwargs: Any) -> Any:
        return self.call("GET", path, token, **kwargs)

    def post(self, path: str, token: str | None = None, **kwargs: Any) -> Any:
        return self.call("POST", path, token, **kwargs)

    def put(self, path: str, token: str | None = None, **kwargs: Any) -> Any:
        return self.call("PUT", path, token, **kwargs)

    def patch(self, path: str, token: str | None = None, **kwargs: Any) -> Any:
        return self.call("PATCH", path, token, **kwargs)

    def delete(self, path: str, token: str | None = None, **kwargs: Any) -> Any:
        return self.call("DELETE", path, token, **kwargs)

    # -- accounts ---------------------------------------------------------------------------

    def register(self, username: str, email: str | None = None) -> int:
        mail = email or f"{username}@x.test"
        body = {"username": username, "email": mail, "password": PASSWORD}
        created = self.post("/api/register/", json=body)
        assert created.status_code == 201, created.text
        return int(created.json()["user_id"])

    def verify(self, user_id: int, email: str) -> None:
        code = last_code(self.container, email)
        verified = self.post("/api/verify-otp/", json={"user_id": user_id, "code": code})
        assert verified.status_code == 200, verified.text

    def tokens(self, username: str, password: str = PASSWORD) -> dict[str, str]:
        response = self.post("/api/token/", json={"username": username, "password": password})
        assert response.status_code == 200, response.text
        return dict(response.json())

    def login(self, username: str, password: str = PASSWORD) -> str:
        return self.tokens(username, password)["access"]

    def new_client(self, username: str) -> tuple[int, str]:
        """Register, verify with the e-mailed code, log in: (user id, access token)."""
        mail = f"{username}@x.test"
        user_id = self.register(username, mail)
        self.verify(user_id, mail)
        return user_id, self.login(username)

    def admin(self) -> str:
        ensure_admin(self.container, ADMIN, f"{ADMIN}@chezflora.cm", PASSWORD)
        return self.login(ADMIN)

    def me(self, token: str) -> dict[str, Any]:
        response = self.get("/api/utilisateurs/me/", token)
        assert response.status_code == 200, response.text
        return dict(response.json())

    # -- catalogue, as the admin pages create it --------------------------------------------

    def category(self, admin: str, nom: str) -> int:
        created = self.post("/api/categories/", admin, json={"nom": nom, "is_active": True})
        assert created.status_code == 201, created.text
        return int(created.json()["id"])

    def product(
        self, admin: str, category_id: int, nom: str, prix: str = "1500", stock: int = 5
    ) -> dict[str, Any]:
        body = {
            "nom": nom,
            "prix": prix,
            "stock": stock,
            "is_active": True,
            "categorie_id": str(category_id),
            "description": f"{nom}, fraîchement coupé",
            "promotions": [],
        }
        created = self.post("/api/produits/", admin, json=body)
        assert created.status_code == 201, created.text
        return dict(created.json())

    # -- shopping ---------------------------------------------------------------------------

    def cart(self, token: str) -> dict[str, Any]:
        response = self.get("/api/paniers/mon_panier/", token)
        assert response.status_code == 200, response.text
        return dict(response.json())

    def add_to_cart(self, token: str, product_id: int, quantite: int = 1) -> Any:
        cart_id = self.cart(token)["id"]
        return self.post(
            f"/api/paniers/{cart_id}/ajouter_produit/",
            token,
            json={"produit_id": product_id, "quantite": quantite},
        )

    def checkout(self, token: str, product_id: int, quantite: int = 2) -> int:
        """Cart → new address → valider_panier; returns the order id from the history."""
        assert self.add_to_cart(token, product_id, quantite).status_code in (200, 201)
        address = self.post("/api/adresses/", token, json=ADDRESS)
        assert address.status_code == 201, address.text
        cart_id = self.cart(token)["id"]
        placed = self.post(
            f"/api/paniers/{cart_id}/valider_panier/",
            token,
            json={"adresse_id": address.json()["id"]},
        )
        assert placed.status_code == 201, placed.text
        return int(self.get("/api/commandes/", token).json()["results"][0]["id"])


def iso_z(moment: datetime) -> str:
    """What the browser's `toISOString()` sends."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def around(now: datetime, days_before: int = 1, days_after: int = 30) -> tuple[str, str]:
    return iso_z(now - timedelta(days=days_before)), iso_z(now + timedelta(days=days_after))
