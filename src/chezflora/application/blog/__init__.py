"""Blog use cases (articles, comments, moderation digest), grouped for the composition root.

Decisions (beyond decisions.md §5):
- Moderation happens before the write transaction; a failure holds the comment (fail closed).
- A comment is `publie`, `masque` (a rejection or an admin) or `en_attente` (held for review);
  `is_active` on the wire is "published".
- The author's edits are moderated again; an admin's text corrections are not.
- Deleting a comment deletes its replies; deleting an article deletes its comments.
- Only published replies e-mail the parent's author (a held one would tell of a hidden text).
"""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.blog.articles import (
    ArticleInput,
    CreateArticle,
    DeleteArticle,
    UpdateArticle,
)
from chezflora.application.blog.comments import (
    AdminCommentChanges,
    DeleteComment,
    EditOwnComment,
    ModerateComment,
    NewComment,
    PostComment,
)
from chezflora.application.blog.digest import SendHeldCommentsDigest
from chezflora.application.blog.moderation import FailClosed
from chezflora.application.blog.ports import BlogUnitOfWorkFactory, HtmlSanitizer, Moderator
from chezflora.application.blog.queries import BlogQueries
from chezflora.application.catalogue.ports import ImageProcessor, Storage
from chezflora.application.ports import Clock

__all__ = ["AdminCommentChanges", "ArticleInput", "BlogModule", "NewComment"]


@dataclass(frozen=True)
class BlogModule:
    create_article: CreateArticle
    update_article: UpdateArticle
    delete_article: DeleteArticle
    post_comment: PostComment
    edit_own_comment: EditOwnComment
    moderate_comment: ModerateComment
    delete_comment: DeleteComment
    held_digest: SendHeldCommentsDigest
    queries: BlogQueries
    storage: Storage

    @classmethod
    def build(
        cls,
        uow: BlogUnitOfWorkFactory,
        clock: Clock,
        queries: BlogQueries,
        moderator: Moderator,
        sanitizer: HtmlSanitizer,
        images: ImageProcessor,
        storage: Storage,
    ) -> BlogModule:
        guarded = FailClosed(moderator)
        writer = (uow, clock, sanitizer, images, storage)
        return cls(
            create_article=CreateArticle(*writer),
            update_article=UpdateArticle(*writer),
            delete_article=DeleteArticle(uow, storage),
            post_comment=PostComment(uow, clock, guarded),
            edit_own_comment=EditOwnComment(uow, guarded),
            moderate_comment=ModerateComment(uow),
            delete_comment=DeleteComment(uow),
            held_digest=SendHeldCommentsDigest(uow, clock),
            queries=queries,
            storage=storage,
        )
