"""The synthetic catalogue port: bulk products for load tests (`chezflora seed --products N`)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class SyntheticProducts(Protocol):
    def count(self) -> int:
        """How many synthetic products exist already."""
        ...

    def insert(self, category_ids: list[int], start: int, count: int, now: datetime) -> None:
        """Products numbered start+1 … start+count, spread over the categories."""
        ...
