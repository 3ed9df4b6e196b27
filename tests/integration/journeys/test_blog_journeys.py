"""Journeys S34 (article with cover and inline image) and S35 (comment, reply, moderation)."""

from __future__ import annotations

from tests.integration.catalogue_helpers import image_bytes
from tests.integration.journeys.support import Api


def _form(fields: dict[str, str]) -> dict[str, tuple[None, str]]:
    """Plain fields sent as multipart/form-data, as the browser's FormData does without a file."""
    return {name: (None, value) for name, value in fields.items()}


def test_s34_blog_article_with_cover_and_inline_image(api: Api):
    admin = api.admin()
    uploaded = api.post(
        "/api/upload-image/", admin, files={"image": ("x.png", image_bytes(), "image/png")}
    )
    assert uploaded.status_code in (200, 201), uploaded.text
    url = uploaded.json()["url"]
    assert url.startswith("http://testserver.local/media/")
    assert api.get(url.removeprefix("http://testserver.local")).status_code == 200

    fields = {
        "titre": "Soigner ses roses",
        "contenu": f'<p>Hello <img src="{url}"></p>',
        "is_active": "true",
    }
    created = api.post(
        "/api/articles/", admin, data=fields, files={"cover": ("c.png", image_bytes(), "image/png")}
    )
    assert created.status_code == 201, created.text
    article = created.json()
    article_id, cover = article["id"], article["cover"]
    assert cover.startswith("http://testserver.local/media/article_covers/")

    listed = api.get("/api/articles/")
    assert listed.status_code == 200
    found = next(a for a in listed.json()["results"] if a["id"] == article_id)
    assert found["titre"] == "Soigner ses roses"
    assert isinstance(found["contenu"], str) and f'src="{url}"' in found["contenu"]
    assert found["cover"] == cover and found["auteur"] == "patron"
    assert found["date_publication"].endswith("Z")

    updated = api.put(
        f"/api/articles/{article_id}/",
        admin,
        files=_form(
            {
                "titre": "Soigner ses roses en saison sèche",
                "contenu": "<p>Arrosez le soir.</p>",
                "is_active": "true",
            }
        ),
    )
    assert updated.status_code == 200, updated.text
    assert updated.request.headers["content-type"].startswith("multipart/form-data")
    assert updated.json()["cover"] == cover
    assert updated.json()["titre"] == "Soigner ses roses en saison sèche"

    page = api.get("/api/articles/?page=1&per_page=10&search=saison", admin).json()
    assert page["count"] == 1 and page["results"][0]["is_active"] is True

    assert api.delete(f"/api/articles/{article_id}/", admin).status_code in (200, 204)
    assert api.get(f"/api/articles/{article_id}/").status_code == 404


def _article(api: Api, admin: str) -> int:
    created = api.post(
        "/api/articles/",
        admin,
        files=_form({"titre": "Bouquets", "contenu": "<p>Les pivoines</p>", "is_active": "true"}),
    )
    assert created.status_code == 201, created.text
    return int(created.json()["id"])


def test_s35_comment_reply_and_moderation(api: Api):
    admin = api.admin()
    article_id = _article(api, admin)
    _, alice = api.new_client("alice")
    _, bob = api.new_client("bob")

    posted = api.post(
        "/api/commentaires/", alice, json={"article": article_id, "texte": "Super article"}
    )
    assert posted.status_code == 201, posted.text
    k = posted.json()["id"]

    detail = api.get(f"/api/articles/{article_id}/").json()
    assert [c["id"] for c in detail["commentaires"]] == [k]
    first = detail["commentaires"][0]
    assert first["client"] == "alice" and first["texte"] == "Super article"
    assert first["reponses"] == [] and first["date"].endswith("Z")

    reply = api.post(
        "/api/commentaires/", bob, json={"article": article_id, "texte": "Merci", "parent": k}
    )
    assert reply.status_code == 201, reply.text
    detail = api.get(f"/api/articles/{article_id}/").json()
    assert len(detail["commentaires"]) == 1
    replies = detail["commentaires"][0]["reponses"]
    assert len(replies) == 1
    assert {"id", "client", "texte", "date", "reponses"} <= set(replies[0])
    assert replies[0]["client"] == "bob" and replies[0]["reponses"] == []

    listed = api.get("/api/commentaires/?page=1&per_page=10&is_active=true", admin).json()
    assert listed["count"] == 2
    row = listed["results"][0]
    assert row["article"] == article_id and row["client"] == "alice"
    assert {"id", "texte", "date", "parent", "is_active"} <= set(row)

    hidden = api.put(
        f"/api/commentaires/{k}/", admin, json={"texte": "Super article", "is_active": False}
    )
    assert hidden.status_code == 200, hidden.text
    inactive = api.get("/api/commentaires/?is_active=false", admin).json()
    assert [c["id"] for c in inactive["results"]] == [k]
    assert api.get(f"/api/articles/{article_id}/").json()["commentaires"] == []

    anonymous = api.post("/api/commentaires/", json={"article": article_id, "texte": "Coucou"})
    assert anonymous.status_code == 401
