"""Who may do what: every shopping endpoint for anonymous, owner, other client and admin."""

from __future__ import annotations

from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import add_category, add_product, stock_of

ADDRESS = {"nom": "M", "rue": "r", "ville": "v", "code_postal": "1", "pays": "CM"}


def _world(client, container, engine):
    rose = add_product(engine, add_category(engine), "Rose", "1000.00", stock=10)
    _, owner = make_client(client, container, "owner")
    _, other = make_client(client, container, "other")
    _, admin = make_admin(client, container)
    cart = client.get("/api/paniers/mon_panier/", headers=bearer(owner)).json()["id"]
    client.post(
        f"/api/paniers/{cart}/ajouter_produit/",
        json={"produit_id": rose, "quantite": 1},
        headers=bearer(owner),
    )
    address = client.post("/api/adresses/", json=ADDRESS, headers=bearer(owner)).json()["id"]
    placed = client.post(
        f"/api/paniers/{cart}/valider_panier/", json={"adresse_id": address}, headers=bearer(owner)
    ).json()
    client.post(
        f"/api/paniers/{cart}/ajouter_produit/",
        json={"produit_id": rose, "quantite": 1},
        headers=bearer(owner),
    )
    client.post("/api/wishlist/ajouter_produit/", json={"produit_id": rose}, headers=bearer(owner))
    wishlist = client.get("/api/wishlist/", headers=bearer(owner)).json()["results"][0]["id"]
    order = placed["commande_id"]
    line = client.get(f"/api/commandes/{order}/", headers=bearer(owner)).json()["lignes"][0]["id"]
    ids = {
        "cart": cart,
        "address": address,
        "order": order,
        "payment": placed["paiement_id"],
        "wishlist": wishlist,
        "line": line,
        "rose": rose,
    }
    return ids, {"anon": None, "owner": owner, "other": other, "admin": admin}


# (method, path, body, expected status per caller). Only refusals are sent for writes,
# so the owner's data stays as it was and the last checks can prove it.
CASES = [
    ("GET", "/api/paniers/mon_panier/", None, {"anon": 401, "owner": 200, "admin": 200}),
    ("GET", "/api/paniers/{cart}/", None, {"anon": 401, "owner": 200, "other": 404, "admin": 200}),
    (
        "POST",
        "/api/paniers/{cart}/ajouter_produit/",
        {"produit_id": "{rose}"},
        {"anon": 401, "other": 404, "admin": 404},
    ),
    (
        "POST",
        "/api/paniers/{cart}/modifier_quantite/",
        {"produit_id": "{rose}", "quantite": 2},
        {"anon": 401, "other": 404, "admin": 404},
    ),
    (
        "POST",
        "/api/paniers/{cart}/supprimer_produit/",
        {"produit_id": "{rose}"},
        {"anon": 401, "other": 404, "admin": 404},
    ),
    (
        "POST",
        "/api/paniers/{cart}/valider_panier/",
        {"adresse_id": "{address}"},
        {"anon": 401, "other": 404, "admin": 404},
    ),
    ("DELETE", "/api/paniers/{cart}/", None, {"anon": 401, "owner": 403, "other": 403}),
    (
        "GET",
        "/api/adresses/{address}/",
        None,
        {"anon": 401, "owner": 200, "other": 404, "admin": 200},
    ),
    ("PUT", "/api/adresses/{address}/", {"ville": "Ailleurs"}, {"anon": 401, "other": 404}),
    ("PATCH", "/api/adresses/{address}/", {"ville": "Ailleurs"}, {"anon": 401, "other": 404}),
    ("DELETE", "/api/adresses/{address}/", None, {"anon": 401, "other": 404}),
    (
        "GET",
        "/api/commandes/{order}/",
        None,
        {"anon": 401, "owner": 200, "other": 404, "admin": 200},
    ),
    (
        "PATCH",
        "/api/commandes/{order}/",
        {"statut": "livree"},
        {"anon": 401, "owner": 403, "other": 404},
    ),
    ("PUT", "/api/commandes/{order}/", {"total": 1}, {"anon": 401, "owner": 400, "other": 400}),
    ("PATCH", "/api/commandes/{order}/", {"lignes": []}, {"owner": 400}),
    ("POST", "/api/commandes/{order}/cancel/", {}, {"anon": 401, "other": 404}),
    ("POST", "/api/commandes/", {}, {"owner": 405, "admin": 405}),
    ("DELETE", "/api/commandes/{order}/", None, {"owner": 405, "admin": 405}),
    ("GET", "/api/commandes/revenue/", None, {"anon": 401, "owner": 403, "admin": 200}),
    ("GET", "/api/commandes/export/", None, {"anon": 401, "owner": 403, "admin": 200}),
    (
        "GET",
        "/api/lignes-commande/{line}/",
        None,
        {"anon": 401, "owner": 200, "other": 404, "admin": 200},
    ),
    ("POST", "/api/lignes-commande/", {}, {"owner": 405}),
    (
        "GET",
        "/api/paiements/{payment}/",
        None,
        {"anon": 401, "owner": 200, "other": 404, "admin": 200},
    ),
    ("POST", "/api/paiements/{payment}/simuler/", None, {"anon": 401, "other": 404}),
    (
        "POST",
        "/api/paiements/{payment}/rembourser/",
        None,
        {"anon": 401, "owner": 403, "other": 403},
    ),
    ("GET", "/api/paiements/stats/", None, {"anon": 401, "owner": 403, "admin": 200}),
    ("GET", "/api/paiements/export/", None, {"anon": 401, "owner": 403, "admin": 200}),
    ("POST", "/api/paiements/", {}, {"owner": 405}),
    (
        "GET",
        "/api/wishlist/{wishlist}/",
        None,
        {"anon": 401, "owner": 200, "other": 404, "admin": 200},
    ),
    ("DELETE", "/api/wishlist/{wishlist}/", None, {"anon": 401, "owner": 403, "other": 403}),
    ("POST", "/api/wishlist/ajouter_produit/", {"produit_id": "{rose}"}, {"anon": 401}),
    ("POST", "/api/wishlist/supprimer_produit/", {"produit_id": "{rose}"}, {"anon": 401}),
]
LISTS = [
    "/api/paniers/",
    "/api/adresses/",
    "/api/commandes/",
    "/api/lignes-commande/",
    "/api/paiements/",
    "/api/wishlist/",
]


def _fill(value, ids):
    if isinstance(value, str):
        return int(value.format(**ids)) if value.startswith("{") else value.format(**ids)
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


def test_every_endpoint_for_every_kind_of_caller(client, container, engine):
    ids, tokens = _world(client, container, engine)
    failures = []
    for method, path, body, expected in CASES:
        url = path.format(**ids)
        for who, status in expected.items():
            headers = bearer(tokens[who]) if tokens[who] else {}
            kwargs = {"headers": headers}
            if body is not None:
                kwargs["json"] = _fill(body, ids)
            response = client.request(method, url, **kwargs)
            if response.status_code != status:
                failures.append((method, url, who, status, response.status_code, response.text))
            elif status >= 400:
                assert "error" in response.json() and "detail" in response.json()
    assert failures == []

    # Lists: anonymous 401; the other client sees none of the owner's rows; admin sees them.
    for path in LISTS:
        assert client.get(path).status_code == 401
        theirs = client.get(path, headers=bearer(tokens["other"])).json()["results"]
        mine = client.get(path, headers=bearer(tokens["owner"])).json()["results"]
        everyone = client.get(path, headers=bearer(tokens["admin"])).json()["results"]
        assert mine, path
        mine_ids = {row["id"] for row in mine}
        assert not mine_ids & {row["id"] for row in theirs}, path
        assert mine_ids <= {row["id"] for row in everyone}, path

    # Nothing the refused calls touched has changed.
    owner = bearer(tokens["owner"])
    order = client.get(f"/api/commandes/{ids['order']}/", headers=owner).json()
    assert order["statut"] == "en_attente" and order["total"] == 1000.0
    assert (
        client.get(f"/api/paiements/{ids['payment']}/", headers=owner).json()["statut"] == "simule"
    )
    assert client.get(f"/api/adresses/{ids['address']}/", headers=owner).json()["ville"] == "v"
    assert len(client.get("/api/paniers/mon_panier/", headers=owner).json()["items"]) == 1
    assert stock_of(engine, ids["rose"]) == 9

    # And what the admin alone may do, done last.
    admin = bearer(tokens["admin"])
    assert client.delete(f"/api/wishlist/{ids['wishlist']}/", headers=admin).status_code == 204
    assert client.delete(f"/api/paniers/{ids['cart']}/", headers=admin).status_code == 204
    assert client.get("/api/paniers/mon_panier/", headers=owner).json()["items"] == []
    moved = client.patch(
        f"/api/commandes/{ids['order']}/", json={"statut": "en_cours"}, headers=admin
    )
    assert moved.status_code == 200 and moved.json()["statut"] == "en_cours"
