"""A deleted account's comments go (with the replies under them): their text is personal data."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from chezflora.application.blog.ports import BlogUnitOfWork
from chezflora.application.unit_of_work import UnitOfWork


class BlogPersonalData:
    def erase(self, uow: UnitOfWork, user_id: int, now: datetime) -> None:
        blog = cast(BlogUnitOfWork, uow)
        for comment_id in blog.comments.ids_by_client(user_id):
            blog.comments.delete(comment_id)
