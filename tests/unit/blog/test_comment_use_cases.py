"""Comment use cases on in-memory fakes: moderation happens outside the transaction, before
anything is written; authors touch only their own comments; the digest is hourly at most."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from chezflora.application.blog.comments import (
    DeleteComment,
    EditOwnComment,
    NewComment,
    PostComment,
)
from chezflora.application.blog.digest import SendHeldCommentsDigest
from chezflora.application.identity.authentication import Viewer
from chezflora.domain.article import Article
from chezflora.domain.comment import Comment
from chezflora.domain.errors import Forbidden, InvalidInput
from chezflora.domain.moderation import ModerationState, Verdict
from tests.fakes import FakeClock

NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)
ALICE = Viewer(user_id=2, username="alice", is_admin=False)
BOB = Viewer(user_id=3, username="bob", is_admin=False)


class Store:
    def __init__(self) -> None:
        self.articles = {1: Article("Roses", "<p>x</p>", 9, True, None, NOW, NOW, id=1)}
        self.comments: dict[int, Comment] = {}
        self.outbox: list[object] = []
        self.digests: list[tuple[datetime, int, int]] = []
        self.open = False
        self.users = {
            2: SimpleNamespace(
                id=2, username="alice", email="a@x", is_active=True, is_banned=False
            ),
            3: SimpleNamespace(id=3, username="bob", email="b@x", is_active=True, is_banned=False),
            9: SimpleNamespace(
                id=9, username="patron", email="p@x", is_active=True, is_banned=False
            ),
        }


class FakeUow:
    def __init__(self, store: Store) -> None:
        self.s = store
        self.articles = SimpleNamespace(get=store.articles.get)
        self.comments = SimpleNamespace(
            get=lambda i, for_update=False: store.comments.get(i),
            add=self._add,
            save=lambda c: None,
            delete=lambda i: store.comments.pop(i),
            held_unnotified=lambda: [
                c
                for c in store.comments.values()
                if c.state is ModerationState.EN_ATTENTE and not c.review_notified
            ],
            mark_notified=lambda ids: [
                setattr(store.comments[i], "review_notified", True) for i in ids
            ],
        )
        self.users = SimpleNamespace(get=store.users.get, admins=lambda: [store.users[9]])
        self.outbox = SimpleNamespace(add=store.outbox.append)
        self.review_digests = SimpleNamespace(
            last=lambda: (store.digests[-1][0], store.digests[-1][1]) if store.digests else None,
            record=lambda at, last, n: store.digests.append((at, last, n)),
        )

    def _add(self, comment: Comment) -> None:
        comment.id = len(self.s.comments) + 1
        self.s.comments[comment.id] = comment

    def __enter__(self) -> FakeUow:
        self.s.open = True
        return self

    def __exit__(self, *exc: object) -> None:
        self.s.open = False

    def commit(self) -> None:
        pass


class WatchingModerator:
    """Records whether a transaction was open while it was asked."""

    def __init__(self, store: Store, verdict: Verdict) -> None:
        self.store, self.verdict, self.calls = store, verdict, []

    def review(self, text: str) -> Verdict:
        self.calls.append((text, self.store.open))
        return self.verdict


@pytest.fixture
def store() -> Store:
    return Store()


def test_moderation_runs_before_the_transaction_opens(store):
    moderator = WatchingModerator(store, Verdict.publish())
    post = PostComment(lambda: FakeUow(store), FakeClock(NOW), moderator)
    post(ALICE, NewComment(1, "Bonjour"))
    assert moderator.calls == [("Bonjour", False)]


def test_bad_text_is_refused_before_the_moderator_is_asked(store):
    moderator = WatchingModerator(store, Verdict.publish())
    post = PostComment(lambda: FakeUow(store), FakeClock(NOW), moderator)
    with pytest.raises(InvalidInput):
        post(ALICE, NewComment(1, " "))
    assert moderator.calls == [] and store.comments == {}


def test_a_held_reply_sends_no_email_and_a_published_one_does(store):
    factory = lambda: FakeUow(store)  # noqa: E731
    PostComment(factory, FakeClock(NOW), WatchingModerator(store, Verdict.publish()))(
        ALICE, NewComment(1, "Question")
    )
    PostComment(factory, FakeClock(NOW), WatchingModerator(store, Verdict.hold("x")))(
        BOB, NewComment(1, "Réponse", parent_id=1)
    )
    assert store.outbox == []
    PostComment(factory, FakeClock(NOW), WatchingModerator(store, Verdict.publish()))(
        BOB, NewComment(1, "Réponse", parent_id=1)
    )
    assert [e.to for e in store.outbox] == ["a@x"]  # type: ignore[attr-defined]


def test_only_the_author_edits_and_deletes_and_edits_are_moderated_again(store):
    factory = lambda: FakeUow(store)  # noqa: E731
    PostComment(factory, FakeClock(NOW), WatchingModerator(store, Verdict.publish()))(
        ALICE, NewComment(1, "Bonjour")
    )
    holding = WatchingModerator(store, Verdict.hold("relecture"))
    with pytest.raises(Forbidden):
        EditOwnComment(factory, holding)(BOB, 1, "piraté")
    assert holding.calls == []  # never moderated for someone who may not edit
    edited = EditOwnComment(factory, holding)(ALICE, 1, "Bonsoir")
    assert edited.state is ModerationState.EN_ATTENTE and holding.calls == [("Bonsoir", False)]
    with pytest.raises(Forbidden):
        DeleteComment(factory)(BOB, 1)
    DeleteComment(factory)(ALICE, 1)
    assert store.comments == {}


def test_the_digest_waits_an_hour_between_emails(store):
    clock = FakeClock(NOW)
    factory = lambda: FakeUow(store)  # noqa: E731
    post = PostComment(factory, clock, WatchingModerator(store, Verdict.hold("panne")))
    digest = SendHeldCommentsDigest(factory, clock)
    assert digest().emails == 0  # nothing held yet
    post(ALICE, NewComment(1, "un"))
    assert (digest().held, len(store.outbox)) == (1, 1)
    post(ALICE, NewComment(1, "deux"))
    clock.advance(minutes=59)
    assert digest().emails == 0 and len(store.outbox) == 1
    clock.advance(minutes=1)
    assert digest().held == 1 and len(store.outbox) == 2


def test_a_comment_held_again_after_an_edit_is_listed_in_the_next_digest(store):
    clock = FakeClock(NOW)
    factory = lambda: FakeUow(store)  # noqa: E731
    PostComment(factory, clock, WatchingModerator(store, Verdict.hold("panne")))(
        ALICE, NewComment(1, "un")
    )
    digest = SendHeldCommentsDigest(factory, clock)
    assert digest().held == 1
    EditOwnComment(factory, WatchingModerator(store, Verdict.hold("panne")))(ALICE, 1, "deux")
    clock.advance(hours=1)
    assert digest().held == 1 and len(store.outbox) == 2
    clock.advance(hours=1)
    assert digest().held == 0  # already listed, not repeated
