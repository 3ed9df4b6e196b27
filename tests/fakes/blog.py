"""In-memory articles, comments and the review-digest log. Deleting an article takes its
comments; deleting a comment takes its replies, however deep (the SQL ON DELETE CASCADE)."""

from __future__ import annotations

import copy
from datetime import datetime

from chezflora.domain.article import Article
from chezflora.domain.comment import Comment
from chezflora.domain.moderation import ModerationState
from tests.fakes.tables import Store, Tables


class InMemoryArticles:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, article_id: int) -> Article | None:
        return copy.deepcopy(self._tables.articles.get(article_id))

    def add(self, article: Article) -> None:
        article.id = self._store.new_id()
        self._tables.articles[article.id] = copy.deepcopy(article)

    def save(self, article: Article) -> None:
        if article.id in self._tables.articles:
            self._tables.articles[article.id] = copy.deepcopy(article)

    def delete(self, article_id: int) -> None:
        t = self._tables
        t.comments = {k: c for k, c in t.comments.items() if c.article_id != article_id}
        t.articles.pop(article_id, None)


class InMemoryComments:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, comment_id: int, *, for_update: bool = False) -> Comment | None:
        return copy.deepcopy(self._tables.comments.get(comment_id))

    def add(self, comment: Comment) -> None:
        comment.id = self._store.new_id()
        self._tables.comments[comment.id] = copy.deepcopy(comment)

    def save(self, comment: Comment) -> None:
        if comment.id in self._tables.comments:
            self._tables.comments[comment.id] = copy.deepcopy(comment)

    def delete(self, comment_id: int) -> None:
        delete_threads(self._tables, {comment_id})

    def ids_by_client(self, client_id: int) -> list[int]:
        return sorted(k for k, c in self._tables.comments.items() if c.client_id == client_id)

    def held_unnotified(self) -> list[Comment]:
        return [
            copy.deepcopy(c)
            for _, c in sorted(self._tables.comments.items())
            if c.state is ModerationState.EN_ATTENTE and not c.review_notified
        ]

    def mark_notified(self, comment_ids: list[int]) -> None:
        for comment_id in comment_ids:
            if comment_id in self._tables.comments:
                self._tables.comments[comment_id].review_notified = True


def delete_threads(tables: Tables, roots: set[int]) -> None:
    """The comments `roots` and every reply below them."""
    gone, frontier = set(roots), set(roots)
    while frontier:
        frontier = {k for k, c in tables.comments.items() if c.parent_id in frontier} - gone
        gone |= frontier
    tables.comments = {k: c for k, c in tables.comments.items() if k not in gone}


class InMemoryReviewDigests:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables = tables

    def last(self) -> tuple[datetime, int] | None:
        if not self._tables.review_digests:
            return None
        sent_at, last_comment_id, _ = self._tables.review_digests[-1]
        return sent_at, last_comment_id

    def record(self, sent_at: datetime, last_comment_id: int, count: int) -> None:
        self._tables.review_digests.append((sent_at, last_comment_id, count))
