"""Comments (commentaires): post (moderated, throttled), own edits, admin moderation and lists."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import msgspec
from litestar import HttpMethod, Request, Response, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.blog import AdminCommentChanges, BlogModule, NewComment
from chezflora.application.blog.queries import CommentFilters
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.domain.catalogue_fields import validate_flag, validate_id
from chezflora.domain.comment import COMMENT_NOT_FOUND
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.moderation import ModerationState
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.throttle import Throttle
from chezflora.entrypoints.http.wire.blog import (
    CommentIn,
    CommentOut,
    CommentPatch,
    CommentPostedOut,
    CommentStatsOut,
    ModerateIn,
    StatusOut,
    comment_out,
    comment_posted_out,
    comment_stats_out,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["blog"]
ADMIN_ONLY = "Seul un administrateur peut modifier ce champ."
STATES = frozenset(state.value for state in ModerationState)


def _throttle(throttle: Throttle, author: Viewer) -> None:
    """A per-user budget (settings `throttle_rates["comment"]`, default 10/minute)."""
    throttle("comment", f"user:{author.user_id}")


def _view(blog: BlogModule, comment_id: int, viewer: Viewer | None) -> CommentOut:
    view = blog.queries.comment(comment_id)
    if view is None:
        raise NotFound(COMMENT_NOT_FOUND)
    mine = viewer is not None and (viewer.is_admin or viewer.user_id == view.client_id)
    if not (view.is_active or mine):
        raise NotFound(COMMENT_NOT_FOUND)
    return comment_out(view)


@get("/api/commentaires/", tags=TAGS)
@blocking
def list_comments(
    request: AnyRequest,
    viewer: NamedDependency[Viewer | None],
    blog: Injected[BlogModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Admins: every comment, with `is_active`, `statut_moderation` (publie, masque, en_attente)
    and `ban_reason` (why it is hidden or held). Others: published comments of active articles,
    plus the caller's own in any state. Filters `article`, `client`, `is_active`, `statut`;
    `search` on the text and the author; ordered by id (`ordering` date, id)."""
    params = request.query_params
    admin = viewer is not None and viewer.is_admin
    statut = query.text(params, "statut")
    if statut is not None and statut not in STATES:
        raise InvalidInput.on_field("statut", "Valeur attendue : publie, masque ou en_attente.")
    filters = CommentFilters(
        public=not admin,
        own_id=None if viewer is None or admin else viewer.user_id,
        article_id=query.integer(params, "article", minimum=1),
        client_id=query.integer(params, "client", minimum=1),
        is_active=query.boolean(params, "is_active"),
        statut=statut,
        options=query.list_options(params),
    )
    page = blog.queries.find_comments(filters, query.page_request(params))
    return envelope(request, page, comment_out, base_url)


@get("/api/commentaires/stats/", tags=TAGS)
@blocking
def comment_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    blog: Injected[BlogModule],
    clock: Injected[Clock],
) -> CommentStatsOut:
    """Admin: totals by state (`banned_comments` hidden, `pending_comments` held for review),
    comments per day over `days` (default 30) and the five most active commenters."""
    days = query.integer(request.query_params, "days", minimum=1) or 30
    since = clock.now() - timedelta(days=min(days, 36_500))
    return comment_stats_out(blog.queries.comment_stats(since))


@get("/api/commentaires/{comment_id:int}/", tags=TAGS)
@blocking
def comment_detail(
    comment_id: FromPath[int],
    viewer: NamedDependency[Viewer | None],
    blog: Injected[BlogModule],
) -> CommentOut:
    """A published comment; a hidden or held one only for its author and admins."""
    return _view(blog, comment_id, viewer)


@post("/api/commentaires/", tags=TAGS)
@blocking
def post_comment(
    data: JSONBody[CommentIn],
    caller: NamedDependency[Viewer],
    blog: Injected[BlogModule],
    throttle: Injected[Throttle],
) -> Response[CommentPostedOut]:
    """Signed-in users: `article`, `texte` (not blank, ≤ 500 characters, no word over 50),
    optional `parent` (a published comment of the same article). The text is moderated first
    (local rules, and the language model when configured); if moderation fails or times out the
    comment is held for review (hidden) and `message` says so. 10 a minute per user (429)."""
    _throttle(throttle, caller)
    command = NewComment(
        article_id=validate_id(data.article, "article"),
        texte=data.texte,
        parent_id=None if data.parent in (None, "") else validate_id(data.parent, "parent"),
    )
    comment = blog.post_comment(caller, command)
    view = blog.queries.comment(comment.id)
    if view is None:
        raise NotFound(COMMENT_NOT_FOUND)
    return Response(comment_posted_out(view), status_code=201)


@route(
    "/api/commentaires/{comment_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=TAGS,
)
@blocking
def update_comment(
    comment_id: FromPath[int],
    data: JSONBody[CommentPatch],
    caller: NamedDependency[Viewer],
    blog: Injected[BlogModule],
    throttle: Injected[Throttle],
) -> CommentPostedOut:
    """Partial. The author changes `texte` of their own comment (moderated again: it may be held).
    Admins: `texte`, `is_active` (show/hide), `ban_reason`. Clients sending `is_active` or
    `ban_reason` get 400; other people's comments 403."""
    if caller.is_admin:
        changes = AdminCommentChanges(
            texte=None if data.texte is msgspec.UNSET else data.texte,
            is_active=None if data.is_active is msgspec.UNSET else validate_flag(data.is_active),
            ban_reason=data.ban_reason if isinstance(data.ban_reason, str) else None,
        )
        blog.moderate_comment(caller, comment_id, changes)
    else:
        refused = [n for n in ("is_active", "ban_reason") if getattr(data, n) is not msgspec.UNSET]
        if refused:
            raise InvalidInput(ADMIN_ONLY, fields={n: [ADMIN_ONLY] for n in refused})
        if data.texte is msgspec.UNSET:
            raise InvalidInput.on_field("texte", "Ce champ est obligatoire.")
        _throttle(throttle, caller)
        blog.edit_own_comment(caller, comment_id, data.texte)
    view = blog.queries.comment(comment_id)
    if view is None:
        raise NotFound(COMMENT_NOT_FOUND)
    return comment_posted_out(view)


@delete("/api/commentaires/{comment_id:int}/", tags=TAGS)
@blocking
def delete_comment(
    comment_id: FromPath[int],
    caller: NamedDependency[Viewer],
    blog: Injected[BlogModule],
) -> None:
    """The author or an admin; the replies go with it."""
    blog.delete_comment(caller, comment_id)


@post("/api/commentaires/{comment_id:int}/moderate/", status_code=200, tags=TAGS)
@blocking
def moderate_comment(
    comment_id: FromPath[int],
    data: JSONBody[ModerateIn],
    admin: NamedDependency[Viewer],
    blog: Injected[BlogModule],
) -> StatusOut:
    """Admin: `is_active` (required) shows or hides; `ban_reason` records why it is hidden.
    Resolves comments held for review."""
    if data.is_active is None or data.is_active == "":
        raise InvalidInput("is_active requis", fields={"is_active": ["is_active requis"]})
    show = validate_flag(data.is_active)
    changes = AdminCommentChanges(is_active=show, ban_reason=data.ban_reason)
    blog.moderate_comment(admin, comment_id, changes)
    return StatusOut(status="Commentaire activé" if show else "Commentaire désactivé")


ROUTES = [
    list_comments,
    comment_stats,
    comment_detail,
    post_comment,
    update_comment,
    delete_comment,
    moderate_comment,
]
