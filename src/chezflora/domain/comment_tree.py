"""The public view of an article's comments: visible comments whose ancestors are all visible."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Node(Generic[T]):
    """One comment as stored: `payload` is whatever the caller wants back in the tree."""

    id: int
    parent_id: int | None
    visible: bool
    date: datetime
    payload: T


@dataclass(frozen=True, slots=True)
class Thread(Generic[T]):
    node: Node[T]
    replies: list[Thread[T]] = field(default_factory=list)


def public_threads(nodes: Iterable[Node[T]]) -> list[Thread[T]]:
    """Top-level visible comments oldest first, each with its visible replies, oldest first.

    A hidden comment hides its whole subtree; a reply whose parent is missing is dropped (never
    promoted to the top level), and each comment appears once even if the data had a cycle.
    """
    children: dict[int | None, list[Node[T]]] = defaultdict(list)
    for node in nodes:
        if node.visible:
            children[node.parent_id].append(node)
    for siblings in children.values():
        siblings.sort(key=lambda n: (n.date, n.id))
    seen: set[int] = set()

    def grow(node: Node[T]) -> Thread[T]:
        seen.add(node.id)
        replies = [grow(child) for child in children.get(node.id, []) if child.id not in seen]
        return Thread(node, replies)

    return [grow(top) for top in children.get(None, []) if top.id not in seen]


def flatten(threads: Iterable[Thread[T]]) -> list[Node[T]]:
    """Depth-first, in display order."""
    out: list[Node[T]] = []
    for thread in threads:
        out.append(thread.node)
        out.extend(flatten(thread.replies))
    return out
