"""Wire shapes of the blog (articles, commentaires) and parsing of their French inputs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import msgspec

from chezflora.application.blog.queries import (
    ArticleDetail,
    ArticleStats,
    ArticleView,
    CommentStats,
    CommentView,
)
from chezflora.domain.article import TITRE_MAX_LENGTH
from chezflora.domain.comment_tree import Thread
from chezflora.domain.moderation import ModerationState
from chezflora.entrypoints.http.wire.identity import Body

AWAITING_REVIEW = "Votre commentaire est en attente de modération."
HIDDEN = "Votre commentaire a été masqué : {reason}."
PUBLISHED = "Votre commentaire est publié."


class CommentIn(Body):
    """`ban_reason` and `is_active` are not accepted from clients (400)."""

    article: int | str
    texte: object = None
    parent: int | str | None = None


class CommentPatch(Body):
    """Authors send `texte`; admins also `is_active` (bool or "true"/"false") and `ban_reason`."""

    texte: object = msgspec.UNSET
    is_active: object = msgspec.UNSET
    ban_reason: str | msgspec.UnsetType | None = msgspec.UNSET


class ModerateIn(Body):
    is_active: object = None
    ban_reason: str | None = None


class ArticleOut(msgspec.Struct, kw_only=True):
    id: int
    titre: str
    contenu: str
    date_publication: datetime
    auteur: str
    is_active: bool
    date_mise_a_jour: datetime
    cover: str | None
    commentaires_count: int


class CommentThreadOut(msgspec.Struct, kw_only=True):
    id: int
    article: int
    client: str
    texte: str
    date: datetime
    parent: int | None
    reponses: list[CommentThreadOut]


class ArticleDetailOut(ArticleOut, kw_only=True):
    commentaires: list[CommentThreadOut]


class CommentOut(msgspec.Struct, kw_only=True):
    id: int
    article: int
    client: str
    texte: str
    date: datetime
    parent: int | None
    is_active: bool
    ban_reason: str | None
    statut_moderation: str


class CommentPostedOut(CommentOut, kw_only=True):
    """What the author learns: published, hidden (with why), or awaiting review."""

    message: str


class AuthorTotal(msgspec.Struct, kw_only=True):
    auteur__username: str
    total: int


class ArticleTotal(msgspec.Struct, kw_only=True):
    article__titre: str
    total: int


class CommenterTotal(msgspec.Struct, kw_only=True):
    client__username: str
    total: int


class DayTotal(msgspec.Struct, kw_only=True):
    date: date
    total: int


class ArticleStatsOut(msgspec.Struct, kw_only=True):
    total_articles: int
    active_articles: int
    articles_by_author: list[AuthorTotal]
    recent_articles: int
    comments_by_article: list[ArticleTotal]


class CommentStatsOut(msgspec.Struct, kw_only=True):
    total_comments: int
    active_comments: int
    banned_comments: int
    pending_comments: int
    comments_by_day: list[DayTotal]
    top_commenters: list[CommenterTotal]


class StatusOut(msgspec.Struct):
    status: str


def article_out(view: ArticleView) -> ArticleOut:
    return ArticleOut(
        id=view.id,
        titre=view.titre,
        contenu=view.contenu,
        date_publication=view.date_publication,
        auteur=view.auteur,
        is_active=view.is_active,
        date_mise_a_jour=view.date_mise_a_jour,
        cover=view.cover_url,
        commentaires_count=view.commentaires_count,
    )


def thread_out(thread: Thread[CommentView]) -> CommentThreadOut:
    view = thread.node.payload
    return CommentThreadOut(
        id=view.id,
        article=view.article_id,
        client=view.client,
        texte=view.texte,
        date=view.date,
        parent=view.parent_id,
        reponses=[thread_out(reply) for reply in thread.replies],
    )


def article_detail_out(detail: ArticleDetail) -> ArticleDetailOut:
    base = msgspec.structs.asdict(article_out(detail.article))
    return ArticleDetailOut(**base, commentaires=[thread_out(t) for t in detail.threads])


def comment_out(view: CommentView) -> CommentOut:
    return CommentOut(
        id=view.id,
        article=view.article_id,
        client=view.client,
        texte=view.texte,
        date=view.date,
        parent=view.parent_id,
        is_active=view.is_active,
        ban_reason=view.ban_reason,
        statut_moderation=view.state,
    )


def comment_posted_out(view: CommentView) -> CommentPostedOut:
    if view.state == ModerationState.EN_ATTENTE.value:
        message = AWAITING_REVIEW
    elif view.state == ModerationState.MASQUE.value:
        message = HIDDEN.format(reason=view.ban_reason or "contenu inapproprié")
    else:
        message = PUBLISHED
    return CommentPostedOut(**msgspec.structs.asdict(comment_out(view)), message=message)


def article_stats_out(stats: ArticleStats) -> ArticleStatsOut:
    return ArticleStatsOut(
        total_articles=stats.total_articles,
        active_articles=stats.active_articles,
        articles_by_author=[
            AuthorTotal(auteur__username=n.name, total=n.total) for n in stats.articles_by_author
        ],
        recent_articles=stats.recent_articles,
        comments_by_article=[
            ArticleTotal(article__titre=n.name, total=n.total) for n in stats.comments_by_article
        ],
    )


def comment_stats_out(stats: CommentStats) -> CommentStatsOut:
    return CommentStatsOut(
        total_comments=stats.total_comments,
        active_comments=stats.active_comments,
        banned_comments=stats.banned_comments,
        pending_comments=stats.pending_comments,
        comments_by_day=[DayTotal(date=d.day, total=d.total) for d in stats.comments_by_day],
        top_commenters=[
            CommenterTotal(client__username=n.name, total=n.total) for n in stats.top_commenters
        ],
    )


def article_form(*, creating: bool) -> dict[str, Any]:
    """The request body of an article write, as the admin page sends it (multipart) or as a
    script may (JSON, without a cover). Creating requires `titre` and `contenu`; an update
    keeps every absent field, the cover included."""
    fields: dict[str, Any] = {
        "titre": {"type": "string", "maxLength": TITRE_MAX_LENGTH},
        "contenu": {"type": "string", "description": "HTML, nettoyé (liste blanche)"},
        "is_active": {"type": "string", "enum": ["true", "false"]},
    }
    required = ["titre", "contenu"] if creating else []
    form = {
        "type": "object",
        "properties": {**fields, "cover": {"type": "string", "format": "binary"}},
        "additionalProperties": False,
    }
    flag = {"anyOf": [{"type": "boolean"}, fields["is_active"]]}
    json_body = {
        "type": "object",
        "properties": {**fields, "is_active": flag},
        "additionalProperties": False,
    }
    if required:
        form["required"] = json_body["required"] = required
    return {
        "required": creating,
        "content": {
            "multipart/form-data": {"schema": form},
            "application/json": {"schema": json_body},
        },
    }
