"""Page requests and pages for every list (page/per_page, default 10, at most 100)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
U = TypeVar("U")
DEFAULT_PER_PAGE = 10
MAX_PER_PAGE = 100


@dataclass(frozen=True, slots=True)
class PageRequest:
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: Sequence[T]
    total: int
    request: PageRequest

    @property
    def has_next(self) -> bool:
        return self.request.page * self.request.per_page < self.total

    @property
    def has_previous(self) -> bool:
        return self.request.page > 1


def replace_items(page: Page[T], items: Sequence[U]) -> Page[U]:
    """The same page (total, request) holding other items: rows turned into views."""
    return Page(items=items, total=page.total, request=page.request)
