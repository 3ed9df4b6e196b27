"""The account life cycle over HTTP on a real database (issue 2 acceptance journey)."""

from __future__ import annotations

from tests.integration.helpers import (
    PASSWORD,
    bearer,
    last_code,
    login,
    make_admin,
    make_client,
    outbox_messages,
)


def test_register_verify_login_profile_password_refresh_and_reset(client, container, clock):
    mail = "awa@example.cm"
    created = client.post(
        "/api/register", json={"username": "awa", "email": mail, "password": PASSWORD}
    )
    assert created.status_code == 201
    assert created.json() == {
        "status": "Utilisateur créé, OTP envoyé par email",
        "user_id": created.json()["user_id"],
    }
    user_id = created.json()["user_id"]

    early = client.post("/api/token/", json={"username": "awa", "password": PASSWORD})
    assert early.status_code == 401
    assert early.json()["detail"] == "Utilisateur non actif" and early.json()["user_id"] == user_id

    code = last_code(container, mail)
    assert client.post("/api/verify-otp/", json={"user_id": str(user_id), "code": code}).json() == {
        "status": "Compte activé"
    }
    tokens = client.post("/api/token/", json={"username": "awa", "password": PASSWORD}).json()
    me = client.get("/api/utilisateurs/me/", headers=bearer(tokens["access"]))
    assert me.status_code == 200
    assert me.json()["username"] == "awa" and me.json()["role"] == "client"
    assert "password" not in me.json() and "password_hash" not in me.json()

    profile = client.patch(
        "/api/update-profile/",
        json={"username": "awa2", "telephone": "699000000"},
        headers=bearer(tokens["access"]),
    )
    assert profile.status_code == 200 and profile.json()["username"] == "awa2"

    changed = client.post(
        "/api/change-password/",
        json={
            "old_password": PASSWORD,
            "new_password": "tout-nouveau",
            "confirm_password": "tout-nouveau",
        },
        headers=bearer(tokens["access"]),
    )
    assert changed.status_code == 200
    assert client.get("/api/utilisateurs/me/", headers=bearer(tokens["access"])).status_code == 401
    assert (
        client.post("/api/token/refresh/", json={"refresh": tokens["refresh"]}).status_code == 400
    )

    fresh = client.post("/api/token/", json={"username": "awa2", "password": "tout-nouveau"}).json()
    refreshed = client.post("/api/token/refresh", json={"refresh": fresh["refresh"]})
    assert refreshed.status_code == 200
    assert (
        client.get("/api/utilisateurs/me", headers=bearer(refreshed.json()["access"])).status_code
        == 200
    )

    assert client.post("/api/reset_password/", json={"email": mail}).status_code == 200
    assert (
        client.post("/api/reset_password/", json={"email": "ghost@example.cm"}).status_code == 200
    )
    reset = client.post(
        "/api/reset_password/confirm/",
        json={"email": mail, "code": last_code(container, mail), "new_password": "encore-autre"},
    )
    assert reset.status_code == 200, reset.text
    assert login(client, "awa2", "encore-autre")
    assert client.get("/api/utilisateurs/me/", headers=bearer(fresh["access"])).status_code == 401


def test_banned_clients_lose_their_token_at_once(client, container):
    user_id, token = make_client(client, container, "moussa")
    _, admin = make_admin(client, container)
    assert (
        client.post("/api/ban-user/", json={"user_id": user_id}, headers=bearer(admin)).status_code
        == 200
    )
    assert client.get("/api/utilisateurs/me/", headers=bearer(token)).status_code == 401
    refused = client.post("/api/token/", json={"username": "moussa", "password": PASSWORD})
    assert refused.status_code == 403
    unban = client.put(
        f"/api/utilisateurs/{user_id}/",
        json={"is_banned": False, "is_active": True},
        headers=bearer(admin),
    )
    assert unban.status_code == 200 and unban.json()["is_banned"] is False
    assert login(client, "moussa")


def test_admins_cannot_be_banned(client, container):
    admin_id, admin = make_admin(client, container)
    response = client.post("/api/ban-user/", json={"user_id": admin_id}, headers=bearer(admin))
    assert response.status_code == 403
    assert response.json()["error"] == "Impossible de bannir un admin"


def test_login_is_throttled_with_retry_after(client, container):
    for _ in range(10):
        client.post("/api/token/", json={"username": "x", "password": "y"})
    response = client.post("/api/token/", json={"username": "x", "password": "y"})
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1
    assert set(response.json()) >= {"error", "detail"}


def test_public_parameters_are_a_bare_whitelisted_array(client, container):
    _, admin = make_admin(client, container)
    ids = {}
    for cle in ("site_name", "secret_interne"):
        created = client.post(
            "/api/parametres/", json={"cle": cle, "valeur": "v"}, headers=bearer(admin)
        )
        assert created.status_code == 201
        ids[cle] = created.json()["id"]
    public = client.get("/api/parametres/public/")
    assert public.status_code == 200
    assert [p["cle"] for p in public.json()] == ["site_name"]
    by_key = client.get("/api/parametres/?cle=secret_interne", headers=bearer(admin)).json()
    assert isinstance(by_key, list) and by_key[0]["valeur"] == "v"
    upsert = client.post(
        "/api/parametres/", json={"cle": "site_name", "valeur": "ChezFlora"}, headers=bearer(admin)
    )
    assert upsert.status_code == 200 and upsert.json()["id"] == ids["site_name"]
    assert client.get("/api/parametres/public/").json()[0]["valeur"] == "ChezFlora"


def test_inactive_login_emails_a_new_code_that_replaces_the_old_one(client, container):
    mail = "lea@example.cm"
    user_id = client.post(
        "/api/register/", json={"username": "lea", "email": mail, "password": PASSWORD}
    ).json()["user_id"]
    first = last_code(container, mail)
    refused = client.post("/api/token/", json={"username": "lea", "password": PASSWORD})
    assert refused.status_code == 401 and refused.json()["user_id"] == user_id
    second = last_code(container, mail)
    assert len(outbox_messages(container)) == 2
    if first != second:
        stale = client.post("/api/verify-otp/", json={"user_id": user_id, "code": first})
        assert stale.status_code == 400
    assert (
        client.post("/api/verify-otp/", json={"user_id": user_id, "code": second}).status_code
        == 200
    )


def test_the_sixth_attempt_fails_even_with_the_right_code(client, container):
    mail = "ali@example.cm"
    user_id = client.post(
        "/api/register/", json={"username": "ali", "email": mail, "password": PASSWORD}
    ).json()["user_id"]
    code = last_code(container, mail)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        response = client.post("/api/verify-otp/", json={"user_id": user_id, "code": wrong})
        assert response.status_code == 400
        assert response.json()["error"] == "OTP invalide ou expiré"
    sixth = client.post("/api/verify-otp/", json={"user_id": user_id, "code": code})
    assert sixth.status_code == 400
    assert (
        client.post("/api/token/", json={"username": "ali", "password": PASSWORD}).status_code
        == 401
    )
