"""Journeys S2-S8 of frontend-contract §4: accounts, codes, tokens, protection, profile."""

from __future__ import annotations

from tests.integration.helpers import last_code
from tests.integration.journeys.support import PASSWORD, Api

ALICE = "alice@x.test"


def test_s2_register_verify_login_profile(api: Api) -> None:
    # The axios interceptor sends whatever token a previous session left in localStorage, on
    # /register/ and /token/ too: a stale bearer must not turn these into 401s.
    stale = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjo5OTl9.c3RhbGU"
    created = api.post(
        "/api/register/", stale, json={"username": "alice", "email": ALICE, "password": PASSWORD}
    )
    assert created.status_code == 201 and isinstance(created.json()["user_id"], int)
    user_id = created.json()["user_id"]

    early = api.post("/api/token/", json={"username": "alice", "password": PASSWORD})
    assert early.status_code == 401
    assert early.json()["detail"] == "Utilisateur non actif"
    assert early.json()["user_id"] == user_id

    verified = api.post(
        "/api/verify-otp/",
        stale,
        json={"user_id": str(user_id), "code": last_code(api.container, ALICE)},
    )
    assert verified.status_code == 200

    logged_in = api.post("/api/token/", stale, json={"username": "alice", "password": PASSWORD})
    assert logged_in.status_code == 200
    tokens = logged_in.json()
    assert isinstance(tokens["access"], str) and tokens["access"]
    assert isinstance(tokens["refresh"], str) and tokens["refresh"]
    me = api.me(tokens["access"])
    assert me["id"] == user_id and me["username"] == "alice" and me["email"] == ALICE
    assert me["role"] == "client" and me["is_active"] is True and me["is_banned"] is False


def test_s3_otp_edge_cases(api: Api, clock) -> None:
    bob = api.register("bob")
    wrong = api.post("/api/verify-otp/", json={"user_id": bob, "code": "000000"})
    assert wrong.status_code == 400 and isinstance(wrong.json()["error"], str)

    first_code = last_code(api.container, "bob@x.test")
    too_soon = api.post("/api/resend-otp/", json={"user_id": bob})
    assert too_soon.status_code == 429 and isinstance(too_soon.json()["error"], str)
    clock.advance(seconds=61)  # decisions.md §2: resend has a 60 s cooldown
    # The OTP page sends user_id as it was stored in localStorage: a string.
    resent = api.post("/api/resend-otp/", json={"user_id": str(bob)})
    assert resent.status_code == 200, resent.text
    new_code = last_code(api.container, "bob@x.test")
    verified = api.post("/api/verify-otp/", json={"user_id": bob, "code": new_code})
    assert verified.status_code == 200, (first_code, new_code, verified.text)

    carol = api.register("carol")
    again = api.post(
        "/api/register/",
        json={"username": "carol", "email": "carol@x.test", "password": PASSWORD},
    )
    assert again.status_code == 400
    assert again.json()["error"] == "Utilisateur existe mais non actif"
    assert again.json()["user_id"] == carol

    for taken in (
        {"username": "bob", "email": "autre@x.test"},
        {"username": "b2", "email": "bob@x.test"},
    ):
        clash = api.post("/api/register/", json={**taken, "password": PASSWORD})
        assert clash.status_code == 400 and isinstance(clash.json()["error"], str)


def test_s4_bad_credentials_and_banned_user(api: Api) -> None:
    api.new_client("alice")
    wrong = api.post("/api/token/", json={"username": "alice", "password": "wrong"})
    assert wrong.status_code == 400  # decisions.md §2: bad credentials → 400
    assert wrong.json()["error"] == "Identifiants incorrects"

    admin = api.admin()
    dan, _ = api.new_client("dan")
    banned = api.put(
        f"/api/utilisateurs/{dan}/", admin, json={"is_banned": True, "is_active": False}
    )
    assert banned.status_code == 200, banned.text
    refused = api.post("/api/token/", json={"username": "dan", "password": PASSWORD})
    assert refused.status_code == 403


def test_s5_token_refresh_and_expiry(api: Api, clock) -> None:
    api.new_client("alice")
    tokens = api.tokens("alice")
    assert api.get("/api/utilisateurs/me/", "not.a.jwt").status_code == 401
    clock.advance(minutes=181)  # the access token (180 min) has expired
    assert api.get("/api/utilisateurs/me/", tokens["access"]).status_code == 401

    # The bare axios refresh call still carries the stale bearer header; it is ignored.
    refreshed = api.post(
        "/api/token/refresh/", tokens["access"], json={"refresh": tokens["refresh"]}
    )
    assert refreshed.status_code == 200 and refreshed.json()["access"]
    assert api.get("/api/utilisateurs/me/", refreshed.json()["access"]).status_code == 200

    # The client reuses the same refresh token forever (no rotation blacklist).
    again = api.post("/api/token/refresh/", json={"refresh": tokens["refresh"]})
    assert again.status_code == 200 and api.me(again.json()["access"])["username"] == "alice"

    garbage = api.post("/api/token/refresh/", json={"refresh": "garbage"})
    assert garbage.status_code == 400  # 400, not 401: a 401 here hangs the React client
    clock.advance(days=1)
    expired = api.post("/api/token/refresh/", json={"refresh": tokens["refresh"]})
    assert expired.status_code == 400


def test_s6_protected_resources_without_a_token(api: Api) -> None:
    _, token = api.new_client("alice")
    assert api.get("/api/paniers/mon_panier/").status_code == 401
    assert api.get("/api/commandes/").status_code == 401
    assert api.get("/api/utilisateurs/", token).status_code == 403
    created = api.post("/api/produits/", token, json={"nom": "Pirate", "prix": "1", "stock": 1})
    assert created.status_code == 403
    for denied in (api.get("/api/paniers/mon_panier/"), api.get("/api/utilisateurs/", token)):
        assert isinstance(denied.json()["error"], str)


def test_s7_account_management(api: Api) -> None:
    _, token = api.new_client("alice")
    changed = api.patch(
        "/api/update-profile/", token, json={"username": "alice2", "email": "alice2@x.test"}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["username"] == "alice2"
    assert changed.json()["email"] == "alice2@x.test" and changed.json()["role"] == "client"
    me = api.me(token)
    assert me["username"] == "alice2" and me["email"] == "alice2@x.test"

    wrong_old = api.post(
        "/api/change-password/",
        token,
        json={
            "old_password": "pas-le-bon",
            "new_password": "N3wPass!x",
            "confirm_password": "N3wPass!x",
        },
    )
    assert wrong_old.status_code == 400 and isinstance(wrong_old.json()["detail"], str)

    new_password = "N3wPass!x"
    done = api.post(
        "/api/change-password/",
        token,
        json={
            "old_password": PASSWORD,
            "new_password": new_password,
            "confirm_password": new_password,
        },
    )
    assert done.status_code == 200, done.text
    old = api.post("/api/token/", json={"username": "alice2", "password": PASSWORD})
    assert old.status_code == 400
    assert api.me(api.login("alice2", new_password))["username"] == "alice2"


def test_s8_delete_account(api: Api) -> None:
    _, token = api.new_client("alice")
    deleted = api.delete("/api/utilisateurs/me/", token)
    assert deleted.status_code == 204
    after = api.post("/api/token/", json={"username": "alice", "password": PASSWORD})
    assert 400 <= after.status_code < 500
    assert api.get("/api/utilisateurs/me/", token).status_code == 401
