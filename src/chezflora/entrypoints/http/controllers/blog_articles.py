"""Blog articles: public reads (active only for non-admins), admin writes in multipart or JSON."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import msgspec
from litestar import HttpMethod, Request, delete, get, post, route
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.exceptions import HTTPException
from litestar.params import FromPath

from chezflora.application.blog import ArticleInput, BlogModule
from chezflora.application.blog.queries import ArticleFilters
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.domain.article import ARTICLE_NOT_FOUND
from chezflora.domain.catalogue_fields import validate_flag
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.photo import ImageTooLarge, UnsupportedImage
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking, in_thread
from chezflora.entrypoints.http.controllers.catalogue_categories import is_admin
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.blog import (
    ArticleDetailOut,
    ArticleStatsOut,
    article_detail_out,
    article_form,
    article_out,
    article_stats_out,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["blog"]
FIELDS = frozenset({"titre", "contenu", "cover", "is_active"})
UNKNOWN = "Champ inconnu ou non modifiable."
NOT_A_FILE = "La couverture doit être un fichier image."


async def _article_input(request: AnyRequest) -> ArticleInput:
    """multipart/form-data (the admin page), urlencoded, or JSON; unknown fields → 400."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        form = await request.form()
        data: dict[str, Any] = {key: form.get(key) for key in form}
    else:
        raw = await request.body()
        try:
            decoded = msgspec.json.decode(raw) if raw.strip() else {}
        except msgspec.DecodeError:
            raise InvalidInput("Corps JSON mal formé.") from None
        if not isinstance(decoded, dict):
            raise InvalidInput("Un objet JSON est attendu.")
        data = decoded
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise InvalidInput(UNKNOWN, fields={name: [UNKNOWN] for name in unknown})
    flag = data.get("is_active")
    return ArticleInput(
        titre=data.get("titre"),
        contenu=data.get("contenu"),
        is_active=None if flag in (None, "") else validate_flag(flag),
        cover=await _cover(data.get("cover")),
    )


async def _cover(value: object) -> bytes | None:
    if value is None or value in ("", "null"):
        return None  # absent: keep the current cover
    if not isinstance(value, UploadFile):
        raise InvalidInput.on_field("cover", NOT_A_FILE)
    return await value.read()


async def _write(fn: Any, *args: Any) -> Any:
    try:
        return await in_thread(fn, *args)
    except (UnsupportedImage, ImageTooLarge) as exc:
        status = 415 if isinstance(exc, UnsupportedImage) else 413
        raise HTTPException(status_code=status, detail=exc.message) from None


def _detail(blog: BlogModule, article_id: int, include_inactive: bool) -> ArticleDetailOut:
    detail = blog.queries.article(article_id, include_inactive)
    if detail is None:
        raise NotFound(ARTICLE_NOT_FOUND)
    return article_detail_out(detail)


@get("/api/articles/", tags=TAGS)
@blocking
def list_articles(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    blog: Injected[BlogModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Newest first. Visitors and clients: active articles; admins: all, filter `is_active`.
    Also `titre`, `search` (titre, contenu), `ordering` (date_publication, titre)."""
    params = request.query_params
    filters = ArticleFilters(
        include_inactive=is_admin(viewer),
        is_active=query.boolean(params, "is_active") if is_admin(viewer) else None,
        titre=query.text(params, "titre"),
        options=query.list_options(params),
    )
    page = blog.queries.find_articles(filters, query.page_request(params))
    return envelope(request, page, article_out, base_url)


@get("/api/articles/stats/", tags=TAGS)
@blocking
def article_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    blog: Injected[BlogModule],
    clock: Injected[Clock],
) -> ArticleStatsOut:
    """Admin: totals, active articles by author, articles of the last `days` (default 30), and
    the five articles with the most published comments in that window."""
    days = query.integer(request.query_params, "days", minimum=1) or 30
    since = clock.now() - timedelta(days=min(days, 36_500))
    return article_stats_out(blog.queries.article_stats(since))


@get("/api/articles/{article_id:int}/", tags=TAGS)
@blocking
def article_detail(
    article_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    blog: Injected[BlogModule],
) -> ArticleDetailOut:
    """The article and `commentaires`: published top-level comments, oldest first, each with its
    published `reponses` (a hidden comment hides its replies). Inactive: 404 except for admins."""
    return _detail(blog, article_id, is_admin(viewer))


@post("/api/articles/", tags=TAGS, opt={"form": True, "body": article_form(creating=True)})
async def create_article(
    request: AnyRequest, admin: NamedDependency[Viewer], blog: Injected[BlogModule]
) -> ArticleDetailOut:
    """Admin, multipart (or JSON): `titre`, `contenu` (HTML, sanitized with an allow-list: no
    scripts, event handlers or javascript: URLs), optional `cover` image, `is_active`
    ("true"/"false", default true). The author is the caller. 415/413 for a bad cover."""
    data = await _article_input(request)
    article_id = await _write(blog.create_article, admin, data)
    return await in_thread(_detail, blog, article_id, True)


@route(
    "/api/articles/{article_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=TAGS,
    opt={"form": True, "body": article_form(creating=False)},
)
async def update_article(
    request: AnyRequest,
    article_id: FromPath[int],
    admin: NamedDependency[Viewer],
    blog: Injected[BlogModule],
) -> ArticleDetailOut:
    """Admin, partial (PUT too): absent fields keep their value; no `cover` keeps the cover."""
    data = await _article_input(request)
    await _write(blog.update_article, article_id, data)
    return await in_thread(_detail, blog, article_id, True)


@delete("/api/articles/{article_id:int}/", tags=TAGS)
@blocking
def delete_article(
    article_id: FromPath[int], admin: NamedDependency[Viewer], blog: Injected[BlogModule]
) -> None:
    """Admin: the article, its comments and its cover file."""
    blog.delete_article(article_id)


ROUTES = [
    list_articles,
    article_stats,
    article_detail,
    create_article,
    update_article,
    delete_article,
]
