"""What the blog use cases need: repositories, a moderator, an HTML sanitizer."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.article import Article
from chezflora.domain.comment import Comment
from chezflora.domain.moderation import Verdict


class Moderator(Protocol):
    def review(self, text: str) -> Verdict:
        """Decide about a comment's text. Must not raise: a failure is a HOLD verdict."""
        ...


class HtmlSanitizer(Protocol):
    def clean(self, html: str) -> str:
        """Keep an allow-list of tags and attributes; no scripts, handlers or javascript: URLs."""
        ...


class ArticleRepository(Protocol):
    def get(self, article_id: int) -> Article | None: ...
    def add(self, article: Article) -> None:
        """Insert and set `article.id`."""
        ...

    def save(self, article: Article) -> None: ...
    def delete(self, article_id: int) -> None:
        """With its comments."""
        ...


class CommentRepository(Protocol):
    def get(self, comment_id: int, *, for_update: bool = False) -> Comment | None: ...
    def add(self, comment: Comment) -> None:
        """Insert and set `comment.id`."""
        ...

    def save(self, comment: Comment) -> None: ...
    def delete(self, comment_id: int) -> None:
        """With its replies."""
        ...

    def ids_by_client(self, client_id: int) -> list[int]: ...
    def held_unnotified(self) -> list[Comment]:
        """Comments awaiting review that no digest has listed yet, oldest first."""
        ...

    def mark_notified(self, comment_ids: list[int]) -> None: ...


class ReviewDigestLog(Protocol):
    """When the admins were last told about held comments, and up to which comment."""

    def last(self) -> tuple[datetime, int] | None: ...
    def record(self, sent_at: datetime, last_comment_id: int, count: int) -> None: ...


class BlogUnitOfWork(UnitOfWork, Protocol):
    @property
    def articles(self) -> ArticleRepository: ...
    @property
    def comments(self) -> CommentRepository: ...
    @property
    def review_digests(self) -> ReviewDigestLog: ...
    def __enter__(self) -> BlogUnitOfWork: ...


class BlogUnitOfWorkFactory(Protocol):
    def __call__(self) -> BlogUnitOfWork: ...
