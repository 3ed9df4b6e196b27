"""Blog reads in SQL: a page of articles or comments costs two statements, an article with its
whole comment tree two as well, whatever the number of comments."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.photos import UrlFor
from chezflora.adapters.sqlalchemy.tables.blog import articles, comments
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.application.blog.queries import (
    ArticleDetail,
    ArticleFilters,
    ArticleStats,
    ArticleView,
    CommentFilters,
    CommentStats,
    CommentView,
    DayCount,
    NameCount,
)
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.comment_tree import Node, public_threads
from chezflora.domain.moderation import ModerationState

PUBLISHED = ModerationState.PUBLIE.value


def _publicly_visible_ids() -> sa.CTE:
    """Ids of published comments whose ancestors are all published (a hidden comment hides its
    whole subtree): walked down from the published top-level comments."""
    visible = (
        sa.select(comments.c.id)
        .where(comments.c.parent_id.is_(None), comments.c.statut == PUBLISHED)
        .cte("visible_comments", recursive=True)
    )
    reply = comments.alias("reply")
    return visible.union_all(
        sa.select(reply.c.id)
        .join(visible, reply.c.parent_id == visible.c.id)
        .where(reply.c.statut == PUBLISHED)
    )


_VISIBLE = _publicly_visible_ids()
_visible_count = (
    sa.select(sa.func.count())
    .where(comments.c.article_id == articles.c.id, comments.c.id.in_(sa.select(_VISIBLE.c.id)))
    .scalar_subquery()
)
_ARTICLES = sa.select(
    articles, users.c.username.label("auteur"), _visible_count.label("commentaires_count")
).join(users, users.c.id == articles.c.auteur_id)
_ARTICLE_ORDERING = {
    "date_publication": articles.c.date_publication,
    "titre": articles.c.titre,
    "id": articles.c.id,
}
_COMMENTS = sa.select(comments, users.c.username.label("client")).join(
    users, users.c.id == comments.c.client_id
)
_COMMENT_ORDERING = {"date": comments.c.date, "id": comments.c.id}


class SqlBlogQueries:
    def __init__(self, engine: Engine, url_for: UrlFor) -> None:
        self._engine, self._url_for = engine, url_for

    def find_articles(self, filters: ArticleFilters, page: PageRequest) -> Page[ArticleView]:
        query = _ARTICLES
        if not filters.include_inactive:
            query = query.where(articles.c.is_active.is_(True))
        if filters.is_active is not None:
            query = query.where(articles.c.is_active.is_(filters.is_active))
        if filters.titre is not None:
            query = query.where(articles.c.titre == filters.titre)
        query = search(query, filters.options.search, [articles.c.titre, articles.c.contenu])
        newest = [articles.c.date_publication.desc()]
        query = order(
            query, filters.options.ordering, _ARTICLE_ORDERING, newest, articles.c.id.desc()
        )
        with self._engine.connect() as conn:
            return fetch_page(conn, query, page, self._article)

    def article(self, article_id: int, include_inactive: bool) -> ArticleDetail | None:
        query = _ARTICLES.where(articles.c.id == article_id)
        if not include_inactive:
            query = query.where(articles.c.is_active.is_(True))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
            if row is None:
                return None
            rows = conn.execute(
                _COMMENTS.where(comments.c.article_id == article_id, comments.c.statut == PUBLISHED)
            ).all()
        nodes = [Node(r.id, r.parent_id, r.statut == PUBLISHED, r.date, _comment(r)) for r in rows]
        return ArticleDetail(self._article(row), public_threads(nodes))

    def find_comments(self, filters: CommentFilters, page: PageRequest) -> Page[CommentView]:
        query = _COMMENTS
        if filters.public:
            public = sa.and_(
                comments.c.id.in_(sa.select(_VISIBLE.c.id)),
                sa.exists().where(articles.c.id == comments.c.article_id, articles.c.is_active),
            )
            own = comments.c.client_id == filters.own_id if filters.own_id else sa.false()
            query = query.where(sa.or_(public, own))
        if filters.article_id is not None:
            query = query.where(comments.c.article_id == filters.article_id)
        if filters.client_id is not None:
            query = query.where(comments.c.client_id == filters.client_id)
        if filters.is_active is not None:
            published = comments.c.statut == PUBLISHED
            query = query.where(published if filters.is_active else sa.not_(published))
        if filters.statut is not None:
            query = query.where(comments.c.statut == filters.statut)
        query = search(query, filters.options.search, [comments.c.texte, users.c.username])
        query = order(
            query, filters.options.ordering, _COMMENT_ORDERING, [comments.c.id], comments.c.id
        )
        with self._engine.connect() as conn:
            return fetch_page(conn, query, page, _comment)

    def comment(self, comment_id: int) -> CommentView | None:
        with self._engine.connect() as conn:
            row = conn.execute(_COMMENTS.where(comments.c.id == comment_id)).first()
        return None if row is None else _comment(row)

    def article_stats(self, since: datetime) -> ArticleStats:
        active = articles.c.is_active.is_(True)
        with self._engine.connect() as conn:
            total, active_count, recent = conn.execute(
                sa.select(
                    sa.func.count(),
                    sa.func.sum(sa.case((active, 1), else_=0)),
                    sa.func.sum(sa.case((articles.c.date_publication >= since, 1), else_=0)),
                )
            ).one()
            by_author = conn.execute(
                sa.select(users.c.username, sa.func.count().label("total"))
                .join(users, users.c.id == articles.c.auteur_id)
                .where(active)
                .group_by(users.c.username)
                .order_by(sa.desc("total"), users.c.username)
            ).all()
            by_article = conn.execute(
                sa.select(articles.c.titre, sa.func.count().label("total"))
                .join(articles, articles.c.id == comments.c.article_id)
                .where(comments.c.statut == PUBLISHED, comments.c.date >= since)
                .group_by(articles.c.id, articles.c.titre)
                .order_by(sa.desc("total"), articles.c.id)
                .limit(5)
            ).all()
        return ArticleStats(
            total_articles=int(total),
            active_articles=int(active_count or 0),
            articles_by_author=tuple(NameCount(n, int(t)) for n, t in by_author),
            recent_articles=int(recent or 0),
            comments_by_article=tuple(NameCount(n, int(t)) for n, t in by_article),
        )

    def comment_stats(self, since: datetime) -> CommentStats:
        statut = comments.c.statut
        day = sa.func.date(comments.c.date)
        with self._engine.connect() as conn:
            grouped = conn.execute(sa.select(statut, sa.func.count()).group_by(statut)).all()
            counts: dict[str, int] = {str(name): int(total) for name, total in grouped}
            by_day = conn.execute(
                sa.select(day, sa.func.count())
                .where(comments.c.date >= since)
                .group_by(day)
                .order_by(day)
            ).all()
            top = conn.execute(
                sa.select(users.c.username, sa.func.count().label("total"))
                .join(users, users.c.id == comments.c.client_id)
                .where(statut == PUBLISHED)
                .group_by(users.c.username)
                .order_by(sa.desc("total"), users.c.username)
                .limit(5)
            ).all()
        return CommentStats(
            total_comments=int(sum(counts.values())),
            active_comments=int(counts.get(PUBLISHED, 0)),
            banned_comments=int(counts.get(ModerationState.MASQUE.value, 0)),
            pending_comments=int(counts.get(ModerationState.EN_ATTENTE.value, 0)),
            comments_by_day=tuple(DayCount(_day(d), int(t)) for d, t in by_day),
            top_commenters=tuple(NameCount(n, int(t)) for n, t in top),
        )

    def _article(self, row: Any) -> ArticleView:
        return ArticleView(
            id=row.id,
            titre=row.titre,
            contenu=row.contenu,
            cover_url=None if row.cover is None else self._url_for(row.cover),
            auteur=row.auteur,
            is_active=row.is_active,
            date_publication=row.date_publication,
            date_mise_a_jour=row.date_mise_a_jour,
            commentaires_count=int(row.commentaires_count),
        )


def _comment(row: Any) -> CommentView:
    return CommentView(
        id=row.id,
        article_id=row.article_id,
        client_id=row.client_id,
        client=row.client,
        texte=row.texte,
        date=row.date,
        parent_id=row.parent_id,
        state=row.statut,
        ban_reason=row.ban_reason,
    )


def _day(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
