"""Posting, editing, deleting and moderating comments.

The moderator is asked before the transaction opens (it may take seconds on the network);
the transaction then only checks the article and parent and writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.blog import notices
from chezflora.application.blog.ports import BlogUnitOfWork, BlogUnitOfWorkFactory, Moderator
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.domain.comment import (
    COMMENT_NOT_FOUND,
    PARENT_INVALID,
    Comment,
    validate_comment_text,
)
from chezflora.domain.errors import Forbidden, InvalidInput, NotFound

ARTICLE_UNKNOWN = "Article introuvable."
NOT_YOURS = "Vous ne pouvez modifier ou supprimer que vos propres commentaires."
MAX_DEPTH = 1000  # walking up a reply chain never loops forever on bad data


@dataclass(frozen=True, slots=True)
class NewComment:
    article_id: int
    texte: object
    parent_id: int | None = None


class PostComment:
    """Any signed-in user: text rules, then moderation (fail closed), then the article must be
    active and the parent a visible comment of the same article (all its ancestors visible).
    A published reply e-mails the parent's author (unless they answer themselves)."""

    def __init__(self, uow: BlogUnitOfWorkFactory, clock: Clock, moderator: Moderator) -> None:
        self._uow, self._clock, self._moderator = uow, clock, moderator

    def __call__(self, author: Viewer, command: NewComment) -> Comment:
        texte = validate_comment_text(command.texte)
        verdict = self._moderator.review(texte)
        with self._uow() as uow:
            article = uow.articles.get(command.article_id)
            if article is None or not (article.is_active or author.is_admin):
                raise InvalidInput.on_field("article", ARTICLE_UNKNOWN)
            parent = None
            if command.parent_id is not None:
                parent = _visible_parent(uow, command.parent_id, article.id)
            comment = Comment.posted(
                article.id, author.user_id, texte, command.parent_id, verdict, self._clock.now()
            )
            uow.comments.add(comment)
            if parent is not None and comment.is_active and parent.client_id != author.user_id:
                parent_author = uow.users.get(parent.client_id)
                if parent_author is not None and parent_author.is_active:
                    uow.outbox.add(
                        notices.reply_received(parent_author, author.username, article, comment)
                    )
            uow.commit()
        return comment


def _visible_parent(uow: BlogUnitOfWork, parent_id: int, article_id: int) -> Comment:
    parent = uow.comments.get(parent_id)
    if parent is None or parent.article_id != article_id:
        raise InvalidInput.on_field("parent", PARENT_INVALID)
    current: Comment | None = parent
    for _ in range(MAX_DEPTH):
        if current is None or not current.is_active:
            raise InvalidInput.on_field("parent", PARENT_INVALID)
        if current.parent_id is None:
            return parent
        current = uow.comments.get(current.parent_id)
    raise InvalidInput.on_field("parent", PARENT_INVALID)


def _load(uow: BlogUnitOfWork, comment_id: int, actor: Viewer) -> Comment:
    comment = uow.comments.get(comment_id, for_update=True)
    if comment is None:
        raise NotFound(COMMENT_NOT_FOUND)
    if not actor.is_admin and comment.client_id != actor.user_id:
        raise Forbidden(NOT_YOURS)
    return comment


class EditOwnComment:
    """The author rewrites their comment; the new text is moderated again (it may be held)."""

    def __init__(self, uow: BlogUnitOfWorkFactory, moderator: Moderator) -> None:
        self._uow, self._moderator = uow, moderator

    def __call__(self, author: Viewer, comment_id: int, texte: object) -> Comment:
        with self._uow() as uow:  # refuse other people's comments before asking the moderator
            _load(uow, comment_id, author)
        text = validate_comment_text(texte)
        verdict = self._moderator.review(text)
        with self._uow() as uow:
            comment = _load(uow, comment_id, author)
            comment.rewrite(text, verdict)
            uow.comments.save(comment)
            uow.commit()
        return comment


@dataclass(frozen=True, slots=True)
class AdminCommentChanges:
    texte: object = None
    is_active: bool | None = None
    ban_reason: str | None = None


class ModerateComment:
    """Admin: correct the text (not moderated: the admin is the moderator), show or hide it.
    Showing clears the reason; hiding keeps the given reason or the recorded one."""

    def __init__(self, uow: BlogUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, admin: Viewer, comment_id: int, changes: AdminCommentChanges) -> Comment:
        text = None if changes.texte is None else validate_comment_text(changes.texte)
        with self._uow() as uow:
            comment = _load(uow, comment_id, admin)
            if text is not None:
                comment.texte = text
            if changes.is_active is True:
                comment.show()
            elif changes.is_active is False:
                comment.hide(changes.ban_reason)
            uow.comments.save(comment)
            uow.commit()
        return comment


class DeleteComment:
    """The author or an admin; its replies go with it."""

    def __init__(self, uow: BlogUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, actor: Viewer, comment_id: int) -> None:
        with self._uow() as uow:
            _load(uow, comment_id, actor)
            uow.comments.delete(comment_id)
            uow.commit()
