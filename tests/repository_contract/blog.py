"""The article, comment and review-digest repositories' clauses."""

from __future__ import annotations

from datetime import timedelta

from chezflora.domain.article import Article
from chezflora.domain.comment import Comment
from chezflora.domain.moderation import ModerationState
from tests.repository_contract.rows import NOW, UowFactory, add_user

PUBLISHED, HIDDEN, HELD = ModerationState.PUBLIE, ModerationState.MASQUE, ModerationState.EN_ATTENTE


def _article(author_id: int, title: str = "Les pivoines") -> Article:
    return Article(
        titre=title,
        contenu="<p>Elles aiment le soleil.</p>",
        auteur_id=author_id,
        is_active=True,
        cover=None,
        date_publication=NOW,
        date_mise_a_jour=NOW,
    )


def _comment(
    work, article_id: int, client_id: int, state=PUBLISHED, parent_id: int | None = None
) -> Comment:
    comment = Comment(
        article_id=article_id,
        client_id=client_id,
        texte=f"Un avis ({state.value})",
        parent_id=parent_id,
        state=state,
        ban_reason=None if state is PUBLISHED else "À relire",
        date=NOW,
    )
    work.comments.add(comment)
    return comment


def articles_round_trip_and_take_their_comments_when_deleted(uow: UowFactory) -> None:
    with uow() as work:
        admin, awa = add_user(work, "admin"), add_user(work, "awa")
        article, other = _article(admin), _article(admin, "Les roses")
        work.articles.add(article)
        work.articles.add(other)
        top = _comment(work, article.id, awa)
        reply = _comment(work, article.id, admin, parent_id=top.id)
        elsewhere = _comment(work, other.id, awa)
        work.commit()
    with uow() as work:
        assert work.articles.get(article.id) == article
        assert work.articles.get(article.id + other.id) is None
        article.titre, article.cover, article.is_active = "Pivoines d'été", "a.jpg", False
        article.date_mise_a_jour = NOW + timedelta(hours=1)
        work.articles.save(article)
        work.commit()
    with uow() as work:
        assert work.articles.get(article.id) == article
        work.articles.delete(article.id)
        work.commit()
    with uow() as work:
        assert work.articles.get(article.id) is None
        assert work.comments.get(top.id) is None and work.comments.get(reply.id) is None
        assert work.comments.get(elsewhere.id) == elsewhere


def comments_round_trip_and_take_their_replies_when_deleted(uow: UowFactory) -> None:
    with uow() as work:
        admin, awa, binta = (add_user(work, n) for n in ("admin", "awa", "binta"))
        article = _article(admin)
        work.articles.add(article)
        top = _comment(work, article.id, awa)
        reply = _comment(work, article.id, binta, parent_id=top.id)
        deep = _comment(work, article.id, awa, HIDDEN, parent_id=reply.id)
        sibling = _comment(work, article.id, binta)
        work.commit()
    with uow() as work:
        assert work.comments.get(deep.id, for_update=True) == deep
        assert work.comments.ids_by_client(awa) == sorted([top.id, deep.id])
        assert work.comments.ids_by_client(admin) == []
        sibling.texte, sibling.state, sibling.ban_reason = "Corrigé", HIDDEN, "Hors sujet"
        work.comments.save(sibling)
        work.commit()
    with uow() as work:
        assert work.comments.get(sibling.id) == sibling
        work.comments.delete(top.id)
        work.commit()
    with uow() as work:
        assert [work.comments.get(c.id) for c in (top, reply, deep)] == [None, None, None]
        assert work.comments.get(sibling.id) == sibling
        assert work.comments.ids_by_client(awa) == []


def held_comments_are_listed_once_oldest_first(uow: UowFactory) -> None:
    with uow() as work:
        admin, awa = add_user(work, "admin"), add_user(work, "awa")
        article = _article(admin)
        work.articles.add(article)
        first, second = _comment(work, article.id, awa, HELD), _comment(work, article.id, awa, HELD)
        _comment(work, article.id, awa, HIDDEN)
        _comment(work, article.id, awa)
        work.commit()
    with uow() as work:
        assert work.comments.held_unnotified() == [first, second]
        work.comments.mark_notified([first.id])
        work.commit()
    with uow() as work:
        assert [c.id for c in work.comments.held_unnotified()] == [second.id]
        assert work.comments.get(first.id).review_notified
        work.comments.mark_notified([second.id, first.id])
        work.commit()
    with uow() as work:
        assert work.comments.held_unnotified() == []


def the_review_digest_log_remembers_the_latest_digest(uow: UowFactory) -> None:
    with uow() as work:
        assert work.review_digests.last() is None
        work.review_digests.record(NOW, 7, 2)
        work.review_digests.record(NOW + timedelta(hours=6), 12, 1)
        work.commit()
    with uow() as work:
        assert work.review_digests.last() == (NOW + timedelta(hours=6), 12)


BLOG = [
    articles_round_trip_and_take_their_comments_when_deleted,
    comments_round_trip_and_take_their_replies_when_deleted,
    held_comments_are_listed_once_oldest_first,
    the_review_digest_log_remembers_the_latest_digest,
]
