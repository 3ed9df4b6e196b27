"""Read side of the blog: article lists and details with their public comment tree, comments."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.comment_tree import Thread


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: int
    titre: str
    contenu: str
    cover_url: str | None
    auteur: str
    is_active: bool
    date_publication: datetime
    date_mise_a_jour: datetime
    commentaires_count: int


@dataclass(frozen=True, slots=True)
class CommentView:
    id: int
    article_id: int
    client_id: int
    client: str
    texte: str
    date: datetime
    parent_id: int | None
    state: str
    ban_reason: str | None

    @property
    def is_active(self) -> bool:
        return self.state == "publie"


@dataclass(frozen=True, slots=True)
class ArticleDetail:
    article: ArticleView
    threads: list[Thread[CommentView]]


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    include_inactive: bool = False
    is_active: bool | None = None
    titre: str | None = None
    options: ListOptions = field(default_factory=ListOptions)


@dataclass(frozen=True, slots=True)
class CommentFilters:
    """`public` limits to published comments of active articles whose parent is published;
    `own_id` adds the caller's own comments in any state (so they see what awaits review)."""

    public: bool = True
    own_id: int | None = None
    article_id: int | None = None
    client_id: int | None = None
    is_active: bool | None = None
    statut: str | None = None
    options: ListOptions = field(default_factory=ListOptions)


@dataclass(frozen=True, slots=True)
class NameCount:
    name: str
    total: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    total: int


@dataclass(frozen=True, slots=True)
class ArticleStats:
    total_articles: int
    active_articles: int
    articles_by_author: tuple[NameCount, ...]
    recent_articles: int
    comments_by_article: tuple[NameCount, ...]


@dataclass(frozen=True, slots=True)
class CommentStats:
    total_comments: int
    active_comments: int
    banned_comments: int
    pending_comments: int
    comments_by_day: tuple[DayCount, ...]
    top_commenters: tuple[NameCount, ...]


class BlogQueries(Protocol):
    def find_articles(self, filters: ArticleFilters, page: PageRequest) -> Page[ArticleView]: ...
    def article(self, article_id: int, include_inactive: bool) -> ArticleDetail | None:
        """The article with its public comment tree; None when absent or hidden from the caller."""
        ...

    def find_comments(self, filters: CommentFilters, page: PageRequest) -> Page[CommentView]: ...
    def comment(self, comment_id: int) -> CommentView | None: ...
    def article_stats(self, since: datetime) -> ArticleStats: ...
    def comment_stats(self, since: datetime) -> CommentStats: ...
