"""Articles, comments and review digests in SQL ↔ their domain objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.tables.blog import articles, comment_review_digests, comments
from chezflora.domain.article import Article
from chezflora.domain.comment import Comment
from chezflora.domain.moderation import ModerationState


class SqlArticleRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, article_id: int) -> Article | None:
        row = self._conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        return Article(
            id=row.id,
            titre=row.titre,
            contenu=row.contenu,
            auteur_id=row.auteur_id,
            is_active=row.is_active,
            cover=row.cover,
            date_publication=row.date_publication,
            date_mise_a_jour=row.date_mise_a_jour,
        )

    def add(self, article: Article) -> None:
        result = self._conn.execute(sa.insert(articles).values(**_article_values(article)))
        article.id = inserted_id(result)

    def save(self, article: Article) -> None:
        self._conn.execute(
            sa.update(articles)
            .where(articles.c.id == article.id)
            .values(**_article_values(article))
        )

    def delete(self, article_id: int) -> None:
        # Replies first: MariaDB does not cascade within one table reliably through the article.
        self._conn.execute(
            sa.update(comments).where(comments.c.article_id == article_id).values(parent_id=None)
        )
        self._conn.execute(sa.delete(comments).where(comments.c.article_id == article_id))
        self._conn.execute(sa.delete(articles).where(articles.c.id == article_id))


def _article_values(article: Article) -> dict[str, Any]:
    return {
        "titre": article.titre,
        "contenu": article.contenu,
        "cover": article.cover,
        "auteur_id": article.auteur_id,
        "is_active": article.is_active,
        "date_publication": article.date_publication,
        "date_mise_a_jour": article.date_mise_a_jour,
    }


def comment_from_row(row: Any) -> Comment:
    return Comment(
        id=row.id,
        article_id=row.article_id,
        client_id=row.client_id,
        texte=row.texte,
        parent_id=row.parent_id,
        state=ModerationState(row.statut),
        ban_reason=row.ban_reason,
        date=row.date,
        review_notified=row.review_notified,
    )


class SqlCommentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, comment_id: int, *, for_update: bool = False) -> Comment | None:
        query = sa.select(comments).where(comments.c.id == comment_id)
        row = self._conn.execute(query.with_for_update() if for_update else query).first()
        return None if row is None else comment_from_row(row)

    def add(self, comment: Comment) -> None:
        result = self._conn.execute(sa.insert(comments).values(**_comment_values(comment)))
        comment.id = inserted_id(result)

    def save(self, comment: Comment) -> None:
        self._conn.execute(
            sa.update(comments)
            .where(comments.c.id == comment.id)
            .values(**_comment_values(comment))
        )

    def delete(self, comment_id: int) -> None:
        """The whole subtree, deepest first (no reliance on self-referencing cascades)."""
        subtree, frontier = [comment_id], [comment_id]
        while frontier:
            children = self._conn.execute(
                sa.select(comments.c.id).where(comments.c.parent_id.in_(frontier))
            ).scalars()
            frontier = [int(i) for i in children if int(i) not in subtree]
            subtree.extend(frontier)
        for ids in reversed([subtree[i : i + 500] for i in range(0, len(subtree), 500)]):
            self._conn.execute(
                sa.update(comments).where(comments.c.id.in_(ids)).values(parent_id=None)
            )
        self._conn.execute(sa.delete(comments).where(comments.c.id.in_(subtree)))

    def ids_by_client(self, client_id: int) -> list[int]:
        query = sa.select(comments.c.id).where(comments.c.client_id == client_id)
        return [int(i) for i in self._conn.execute(query.order_by(comments.c.id)).scalars()]

    def held_unnotified(self) -> list[Comment]:
        rows = self._conn.execute(
            sa.select(comments)
            .where(
                comments.c.statut == ModerationState.EN_ATTENTE.value,
                comments.c.review_notified.is_(False),
            )
            .order_by(comments.c.id)
        ).all()
        return [comment_from_row(row) for row in rows]

    def mark_notified(self, comment_ids: list[int]) -> None:
        for start in range(0, len(comment_ids), 500):
            chunk = comment_ids[start : start + 500]
            self._conn.execute(
                sa.update(comments).where(comments.c.id.in_(chunk)).values(review_notified=True)
            )


def _comment_values(comment: Comment) -> dict[str, Any]:
    return {
        "article_id": comment.article_id,
        "client_id": comment.client_id,
        "parent_id": comment.parent_id,
        "texte": comment.texte,
        "statut": comment.state.value,
        "ban_reason": comment.ban_reason,
        "date": comment.date,
        "review_notified": comment.review_notified,
    }


class SqlReviewDigestLog:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def last(self) -> tuple[datetime, int] | None:
        row = self._conn.execute(
            sa.select(comment_review_digests.c.sent_at, comment_review_digests.c.last_comment_id)
            .order_by(comment_review_digests.c.id.desc())
            .limit(1)
        ).first()
        return None if row is None else (row.sent_at, int(row.last_comment_id))

    def record(self, sent_at: datetime, last_comment_id: int, count: int) -> None:
        self._conn.execute(
            sa.insert(comment_review_digests).values(
                sent_at=sent_at, last_comment_id=last_comment_id, comment_count=count
            )
        )
