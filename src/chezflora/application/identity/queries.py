"""Read side of identity: user lists and parameter lists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.parameter import Parameter
from chezflora.domain.user import User


@dataclass(frozen=True, slots=True)
class UserFilters:
    role: str | None = None
    is_active: bool | None = None
    is_banned: bool | None = None


class UserQueries(Protocol):
    def find(self, filters: UserFilters, options: ListOptions, page: PageRequest) -> Page[User]: ...
    def get(self, user_id: int) -> User | None: ...


class ParameterQueries(Protocol):
    def find(self, cle: str | None, options: ListOptions, page: PageRequest) -> Page[Parameter]: ...
    def by_key(self, cle: str) -> list[Parameter]: ...
    def get(self, parameter_id: int) -> Parameter | None: ...
    def values(self, keys: Iterable[str]) -> dict[str, str]: ...
    def public(self) -> list[Parameter]: ...
