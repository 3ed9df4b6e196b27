"""What the benchmark loads: the catalogue reads every visitor makes."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

Target = tuple[str, str, bool]


def _get_json(url: str, headers: dict[str, str] | None = None) -> object:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def catalogue_targets(base: str, env: dict[str, str]) -> list[Target]:
    product_id, category_id, word = 1, 1, "rose"
    try:
        page = _get_json(f"{base}/api/produits/?per_page=1")
        if isinstance(page, dict) and page.get("results"):
            first = page["results"][0]
            product_id, category_id = first["id"], first["categorie"]["id"]
            word = str(first["nom"]).split()[0].lower()
    except OSError:
        pass
    return [
        ("GET /api/produits/", f"{base}/api/produits/", False),
        (
            "GET /api/produits/?categorie&search",
            f"{base}/api/produits/?categorie={category_id}&search={word}",
            False,
        ),
        ("GET /api/produits/{id}/", f"{base}/api/produits/{product_id}/", False),
        ("GET /api/categories/", f"{base}/api/categories/", False),
        ("GET /api/parametres/public/", f"{base}/api/parametres/public/", False),
    ]


def first_products(base: str, count: int) -> list[int]:
    page = _get_json(f"{base}/api/produits/?per_page={count}")
    assert isinstance(page, dict)
    return [int(p["id"]) for p in page["results"]]


def admin_token(base: str, env: dict[str, str]) -> str:
    """Access token of the seeded admin (for authenticated scenarios)."""
    password = (Path(env["CHEZFLORA_DATA_DIR"]) / "admin-password").read_text().strip()
    body = json.dumps({"username": "admin", "password": password}).encode()
    request = urllib.request.Request(
        f"{base}/api/token/", data=body, headers={"content-type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return str(json.loads(response.read())["access"])
