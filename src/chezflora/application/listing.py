"""What every list accepts besides paging: free-text search and an ordering key."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ListOptions:
    search: str | None = None
    ordering: str | None = None
