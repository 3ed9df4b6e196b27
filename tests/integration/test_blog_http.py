"""Blog over HTTP on a real database: authorization matrix, text rules, moderation (fail closed),
replies and their e-mails, the held-comments digest, throttling, sanitizing, statement counts."""

from __future__ import annotations

from email.header import decode_header, make_header
from typing import Any

import pytest

from chezflora.adapters.rate_limit import MemoryRateLimiter, NoRateLimiter
from chezflora.domain.moderation import Verdict
from tests.integration.helpers import bearer, make_admin, make_client, outbox_messages
from tests.integration.test_shopping_query_counts import counting
from tests.unit.blog.test_html_sanitizer import DANGEROUS_SCHEMES, XSS_PAYLOADS, _parsed


def _article(client: Any, admin: str, titre: str = "Roses", active: str = "true") -> int:
    form = {"titre": (None, titre), "contenu": (None, "<p>Texte</p>"), "is_active": (None, active)}
    created = client.post("/api/articles/", files=form, headers=bearer(admin))
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def _comment(client: Any, token: str, article_id: int, texte: str = "Joli", **extra: Any) -> Any:
    body = {"article": article_id, "texte": texte, **extra}
    return client.post("/api/commentaires/", json=body, headers=bearer(token))


@pytest.fixture
def world(client, container):
    _, admin = make_admin(client, container)
    alice_id, alice = make_client(client, container, "alice")
    _, bob = make_client(client, container, "bob")
    article_id = _article(client, admin)
    comment = _comment(client, alice, article_id, "Très joli")
    assert comment.status_code == 201, comment.text
    return {
        "admin": admin,
        "alice": alice,
        "alice_id": alice_id,
        "bob": bob,
        "article": article_id,
        "comment": comment.json()["id"],
    }


def test_authorization_matrix(client, world):
    a, c = world["article"], world["comment"]
    form = {"titre": (None, "T"), "contenu": (None, "<p>x</p>")}
    cases: list[tuple[str, str, dict[str, Any], dict[str, int]]] = [
        # method, path, kwargs, expected status per caller (anon, alice=author, bob, admin)
        ("GET", "/api/articles/", {}, {"anon": 200, "alice": 200, "bob": 200, "admin": 200}),
        ("GET", f"/api/articles/{a}/", {}, {"anon": 200, "alice": 200, "bob": 200, "admin": 200}),
        ("GET", "/api/articles/stats/", {}, {"anon": 401, "alice": 403, "bob": 403, "admin": 200}),
        (
            "POST",
            "/api/articles/",
            {"files": form},
            {"anon": 401, "alice": 403, "bob": 403, "admin": 201},
        ),
        (
            "PUT",
            f"/api/articles/{a}/",
            {"files": form},
            {"anon": 401, "alice": 403, "bob": 403, "admin": 200},
        ),
        (
            "PATCH",
            f"/api/articles/{a}/",
            {"files": form},
            {"anon": 401, "alice": 403, "bob": 403, "admin": 200},
        ),
        ("GET", "/api/commentaires/", {}, {"anon": 200, "alice": 200, "bob": 200, "admin": 200}),
        (
            "GET",
            f"/api/commentaires/{c}/",
            {},
            {"anon": 200, "alice": 200, "bob": 200, "admin": 200},
        ),
        (
            "GET",
            "/api/commentaires/stats/",
            {},
            {"anon": 401, "alice": 403, "bob": 403, "admin": 200},
        ),
        (
            "POST",
            f"/api/commentaires/{c}/moderate/",
            {"json": {"is_active": True}},
            {"anon": 401, "alice": 403, "bob": 403, "admin": 200},
        ),
        (
            "PATCH",
            f"/api/commentaires/{c}/",
            {"json": {"texte": "Très très joli"}},
            {"anon": 401, "bob": 403, "alice": 200, "admin": 200},
        ),
        (
            "POST",
            "/api/commentaires/",
            {"json": {"article": a, "texte": "Bien"}},
            {"anon": 401, "alice": 201, "bob": 201, "admin": 201},
        ),
    ]
    tokens = {"anon": None, "alice": world["alice"], "bob": world["bob"], "admin": world["admin"]}
    for method, path, kwargs, expected in cases:
        for who, status in expected.items():
            headers = bearer(tokens[who]) if tokens[who] else {}
            got = client.request(method, path, headers=headers, **kwargs)
            assert got.status_code == status, (method, path, who, got.text)

    for who in ("anon", "bob"):
        headers = bearer(tokens[who]) if tokens[who] else {}
        assert client.delete(f"/api/commentaires/{c}/", headers=headers).status_code in (401, 403)
        assert client.delete(f"/api/articles/{a}/", headers=headers).status_code in (401, 403)
    assert (
        client.delete(f"/api/commentaires/{c}/", headers=bearer(world["alice"])).status_code == 204
    )
    assert client.delete(f"/api/articles/{a}/", headers=bearer(world["alice"])).status_code == 403
    assert client.delete(f"/api/articles/{a}/", headers=bearer(world["admin"])).status_code == 204


def test_clients_cannot_set_is_active_or_ban_reason(client, world):
    alice, a, c = world["alice"], world["article"], world["comment"]
    for extra in ({"is_active": True}, {"ban_reason": "rien"}):
        refused = _comment(client, alice, a, "Salut", **extra)
        assert refused.status_code == 400 and set(extra) <= set(refused.json()["fields"])
        patched = client.patch(
            f"/api/commentaires/{c}/", json={"texte": "x", **extra}, headers=bearer(alice)
        )
        assert patched.status_code == 400, patched.text


@pytest.mark.parametrize(
    ("texte", "message"),
    [
        ("   ", "Le texte du commentaire ne peut pas être vide."),
        ("a" * 501, "Le commentaire ne peut pas dépasser 500 caractères."),
        ("b" * 51, "Aucun mot ne peut dépasser 50 caractères sans espace."),
        (None, "Ce champ est obligatoire."),
    ],
)
def test_text_rules_answer_400_on_texte(client, world, texte, message):
    refused = _comment(client, world["alice"], world["article"], texte)
    assert refused.status_code == 400
    assert refused.json()["fields"]["texte"] == [message]


def test_parent_must_be_a_visible_comment_of_the_same_article(client, world):
    admin, alice, bob = world["admin"], world["alice"], world["bob"]
    other = _article(client, admin, "Autre")
    assert _comment(client, bob, other, "Ici", parent=world["comment"]).status_code == 400
    assert _comment(client, bob, world["article"], "Ici", parent=999_999).status_code == 400
    reply = _comment(client, bob, world["article"], "Réponse", parent=world["comment"])
    assert reply.status_code == 201
    client.post(
        f"/api/commentaires/{world['comment']}/moderate/",
        json={"is_active": "false"},
        headers=bearer(admin),
    )
    deep = _comment(client, alice, world["article"], "Sous-réponse", parent=reply.json()["id"])
    assert deep.status_code == 400 and "parent" in deep.json()["fields"]
    hidden = _article(client, admin, "Brouillon", active="false")
    assert _comment(client, alice, hidden, "Coucou").status_code == 400
    assert client.get(f"/api/articles/{hidden}/").status_code == 404
    assert client.get(f"/api/articles/{hidden}/", headers=bearer(admin)).status_code == 200


def test_a_hidden_comment_hides_its_whole_subtree_everywhere_public(client, world):
    admin, alice, bob, article = world["admin"], world["alice"], world["bob"], world["article"]
    reply = _comment(client, bob, article, "Réponse", parent=world["comment"]).json()["id"]
    deep = _comment(client, alice, article, "Sous-réponse", parent=reply).json()["id"]
    other = _comment(client, bob, article, "Autre fil").json()["id"]

    def public_view(token: str | None = None) -> tuple[int, set[int]]:
        headers = bearer(token) if token else {}
        count = client.get(f"/api/articles/{article}/", headers=headers).json()
        listed = client.get("/api/articles/?search=Roses", headers=headers).json()["results"]
        assert [a["commentaires_count"] for a in listed] == [count["commentaires_count"]]
        flat = client.get(f"/api/commentaires/?article={article}", headers=headers).json()
        return count["commentaires_count"], {c["id"] for c in flat["results"]}

    assert public_view() == (4, {world["comment"], reply, deep, other})
    hidden = client.post(
        f"/api/commentaires/{world['comment']}/moderate/",
        json={"is_active": "false"},
        headers=bearer(admin),
    )
    assert hidden.status_code == 200, hidden.text
    assert public_view() == (1, {other})
    # bob still sees his own reply in the flat list (his own comments), never alice's
    assert public_view(bob)[1] == {other, reply}
    admin_list = client.get(f"/api/commentaires/?article={article}", headers=bearer(admin)).json()
    assert {c["id"] for c in admin_list["results"]} == {world["comment"], reply, deep, other}


def test_an_insult_is_hidden_with_its_reason_and_the_author_is_told(client, world):
    posted = _comment(client, world["bob"], world["article"], "Quel c0nnard")
    assert posted.status_code == 201
    body = posted.json()
    assert body["is_active"] is False and body["statut_moderation"] == "masque"
    assert body["ban_reason"] and "masqué" in body["message"]
    detail = client.get(f"/api/articles/{world['article']}/").json()
    assert [c["id"] for c in detail["commentaires"]] == [world["comment"]]


def test_a_failing_moderator_holds_the_comment_for_review(client, container, world):
    class Down:
        def review(self, text: str) -> Verdict:
            raise TimeoutError("modèle injoignable")

    from chezflora.application.blog.moderation import FailClosed

    container.blog.post_comment._moderator = FailClosed(Down())  # type: ignore[attr-defined]
    posted = _comment(client, world["bob"], world["article"], "Un avis tout à fait correct")
    assert posted.status_code == 201
    body = posted.json()
    assert body["statut_moderation"] == "en_attente" and body["is_active"] is False
    assert body["message"] == "Votre commentaire est en attente de modération."
    held = client.get("/api/commentaires/?statut=en_attente", headers=bearer(world["admin"])).json()
    assert [c["id"] for c in held["results"]] == [body["id"]]
    assert "modération" in held["results"][0]["ban_reason"]
    public = client.get(f"/api/articles/{world['article']}/").json()["commentaires"]
    assert body["id"] not in [c["id"] for c in public]
    # The author still sees it (awaiting review); others do not.
    mine = client.get(f"/api/commentaires/{body['id']}/", headers=bearer(world["bob"]))
    assert mine.status_code == 200
    assert (
        client.get(f"/api/commentaires/{body['id']}/", headers=bearer(world["alice"])).status_code
        == 404
    )


def test_edits_are_moderated_again(client, world):
    edited = client.patch(
        f"/api/commentaires/{world['comment']}/",
        json={"texte": "espèce d'idiot"},
        headers=bearer(world["alice"]),
    )
    assert edited.status_code == 200 and edited.json()["is_active"] is False
    assert client.get(f"/api/articles/{world['article']}/").json()["commentaires"] == []


def test_a_reply_emails_the_parent_author_and_held_comments_are_digested_hourly(
    client, container, world, clock
):
    before = len(outbox_messages(container))
    assert (
        _comment(
            client, world["bob"], world["article"], "Merci", parent=world["comment"]
        ).status_code
        == 201
    )
    sent = outbox_messages(container)[before:]
    assert [m["To"] for m in sent] == ["alice@example.cm"]
    assert "bob" in sent[0].get_payload(decode=True).decode()

    class Hold:
        def review(self, text: str) -> Verdict:
            return Verdict.hold("test")

    container.blog.post_comment._moderator = Hold()  # type: ignore[attr-defined]
    _comment(client, world["bob"], world["article"], "En attente 1")
    first = container.blog.held_digest()
    assert (first.held, first.emails) == (1, 1)
    _comment(client, world["bob"], world["article"], "En attente 2")
    assert container.blog.held_digest().emails == 0  # within the hour
    clock.advance(minutes=61)
    again = container.blog.held_digest()
    assert (again.held, again.emails) == (1, 1)
    digests = [
        m
        for m in outbox_messages(container)
        if "attente de modération" in str(make_header(decode_header(m["Subject"])))
    ]
    assert len(digests) == 2 and {m["To"] for m in digests} == {"patron@chezflora.cm"}


def test_comments_are_throttled_per_user(client, container, world):
    container.rate_limiter = MemoryRateLimiter({"comment": "2/minute"})
    assert _comment(client, world["bob"], world["article"], "un").status_code == 201
    assert _comment(client, world["bob"], world["article"], "deux").status_code == 201
    third = _comment(client, world["bob"], world["article"], "trois")
    assert third.status_code == 429 and int(third.headers["Retry-After"]) >= 1
    assert _comment(client, world["alice"], world["article"], "moi").status_code == 201


def test_stored_articles_never_keep_xss_payloads(client, world):
    body = "<p>Intro</p>" + "".join(XSS_PAYLOADS)
    created = client.post(
        "/api/articles/",
        json={"titre": "Piège", "contenu": body, "is_active": True},
        headers=bearer(world["admin"]),
    )
    assert created.status_code == 201, created.text
    stored = client.get(f"/api/articles/{created.json()['id']}/").json()["contenu"]
    found = _parsed(stored)
    assert "<script" not in stored.lower()
    assert all(not name.startswith("on") for name, _ in found.attributes)
    assert all(
        not v.strip().lower().startswith(DANGEROUS_SCHEMES)
        for n, v in found.attributes
        if n in {"href", "src"}
    )


def test_a_bad_cover_is_refused_and_unknown_fields_are_400(client, world):
    admin = world["admin"]
    bad = client.post(
        "/api/articles/",
        files={
            "titre": (None, "T"),
            "contenu": (None, "<p>x</p>"),
            "cover": ("c.png", b"nope", "image/png"),
        },
        headers=bearer(admin),
    )
    assert bad.status_code == 415
    unknown = client.post(
        "/api/articles/", json={"titre": "T", "contenu": "x", "auteur": 1}, headers=bearer(admin)
    )
    assert unknown.status_code == 400 and "auteur" in unknown.json()["fields"]
    assert (
        client.post("/api/articles/", json={"titre": "T"}, headers=bearer(admin)).status_code == 400
    )


def test_stats_carry_every_key(client, world):
    admin = bearer(world["admin"])
    articles = client.get("/api/articles/stats/?days=7", headers=admin).json()
    assert set(articles) == {
        "total_articles",
        "active_articles",
        "articles_by_author",
        "recent_articles",
        "comments_by_article",
    }
    assert articles["articles_by_author"] == [{"auteur__username": "patron", "total": 1}]
    comments = client.get("/api/commentaires/stats/", headers=admin).json()
    assert (
        comments["total_comments"] == 1
        and comments["top_commenters"][0]["client__username"] == "alice"
    )
    assert {"comments_by_day", "banned_comments", "pending_comments", "active_comments"} <= set(
        comments
    )


def test_reads_cost_a_fixed_number_of_statements(client, container, engine, world):
    admin = world["admin"]

    def counts() -> dict[str, int]:
        out = {}
        for name, path in {
            "articles": "/api/articles/?per_page=100",
            "detail": f"/api/articles/{world['article']}/",
            "comments": "/api/commentaires/?per_page=100",
        }.items():
            client.get(path, headers=bearer(admin))  # the token's check is cached from here on
            with counting(engine) as statements:
                assert client.get(path, headers=bearer(admin)).status_code == 200
            reads = [s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]
            out[name] = len(reads)
        return out

    container.rate_limiter = NoRateLimiter()
    small = counts()
    parent = world["comment"]
    for n in range(12):
        _article(client, admin, f"Article {n}")
        reply = _comment(client, admin, world["article"], f"Réponse {n}", parent=parent)
        parent = reply.json()["id"]
    assert counts() == small
    assert small == {"articles": 2, "detail": 2, "comments": 2}, small


def test_a_deleted_account_takes_its_comments_with_it(client, world):
    reply = _comment(client, world["bob"], world["article"], "Réponse", parent=world["comment"])
    own = _comment(client, world["bob"], world["article"], "Le mien")
    assert reply.status_code == own.status_code == 201
    gone = client.delete("/api/utilisateurs/me/", headers=bearer(world["alice"]))
    assert gone.status_code in (200, 204), gone.text
    listed = client.get("/api/commentaires/", headers=bearer(world["admin"])).json()
    assert [c["id"] for c in listed["results"]] == [own.json()["id"]]


def test_the_openapi_document_describes_the_article_forms(client):
    paths = client.get("/api/schema/").json()["paths"]
    create = paths["/api/articles"]["post"]["requestBody"]
    form = create["content"]["multipart/form-data"]["schema"]
    assert create["required"] is True and form["required"] == ["titre", "contenu"]
    assert form["properties"]["cover"] == {"type": "string", "format": "binary"}
    update = paths["/api/articles/{article_id}"]["put"]["requestBody"]
    assert update["required"] is False
    assert "required" not in update["content"]["multipart/form-data"]["schema"]
