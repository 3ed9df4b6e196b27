"""The public comment tree: exactly the visible comments whose ancestors are all visible."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.comment_tree import Node, flatten, public_threads

START = datetime(2026, 1, 1, tzinfo=UTC)


@st.composite
def comment_forests(draw: st.DrawFn) -> list[Node[str]]:
    """Comments in insertion order: each parent is an earlier comment (or none)."""
    count = draw(st.integers(min_value=0, max_value=40))
    nodes: list[Node[str]] = []
    for index in range(count):
        parent = draw(st.one_of(st.none(), st.integers(0, index - 1))) if index else None
        minutes = draw(st.integers(0, 30))  # dates may tie: the id breaks ties
        nodes.append(
            Node(
                id=index + 1,
                parent_id=None if parent is None else parent + 1,
                visible=draw(st.booleans()),
                date=START + timedelta(minutes=minutes),
                payload=f"c{index + 1}",
            )
        )
    return draw(st.permutations(nodes))


def _expected(nodes: list[Node[str]]) -> list[int]:
    """Reference: depth-first over siblings sorted by (date, id), pruning hidden subtrees."""
    by_id = {n.id: n for n in nodes}

    def shown(node: Node[str]) -> bool:
        while node is not None:
            if not node.visible:
                return False
            node = by_id[node.parent_id] if node.parent_id is not None else None  # type: ignore[assignment]
        return True

    def walk(parent: int | None) -> list[int]:
        kids = sorted((n for n in nodes if n.parent_id == parent), key=lambda n: (n.date, n.id))
        out: list[int] = []
        for kid in kids:
            if shown(kid):
                out.append(kid.id)
                out.extend(walk(kid.id))
        return out

    return walk(None)


@given(comment_forests())
def test_public_tree_holds_exactly_the_visible_comments_with_visible_ancestors(nodes):
    threads = public_threads(nodes)
    shown = [n.id for n in flatten(threads)]
    assert shown == _expected(nodes)
    assert len(shown) == len(set(shown))
    assert all(t.node.parent_id is None for t in threads)


@given(comment_forests())
def test_siblings_are_oldest_first_and_replies_stay_under_their_parent(nodes):
    def check(threads, parent_id):
        keys = [(t.node.date, t.node.id) for t in threads]
        assert keys == sorted(keys)
        for thread in threads:
            assert thread.node.parent_id == parent_id
            assert thread.node.visible
            check(thread.replies, thread.node.id)

    check(public_threads(nodes), None)


def test_a_reply_whose_parent_is_gone_is_not_promoted():
    orphan = Node(id=5, parent_id=99, visible=True, date=START, payload="x")
    assert public_threads([orphan]) == []


def test_a_cycle_never_shows_a_comment_twice():
    a = Node(id=1, parent_id=None, visible=True, date=START, payload="a")
    b = Node(id=2, parent_id=1, visible=True, date=START, payload="b")
    c = Node(id=1, parent_id=2, visible=True, date=START, payload="a-again")
    assert [n.id for n in flatten(public_threads([a, b, c]))] == [1, 2]
