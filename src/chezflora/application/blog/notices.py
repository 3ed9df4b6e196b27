"""The blog's e-mails (French templates `commentaire_*`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from chezflora.application.ports import OutgoingEmail
from chezflora.domain.article import Article
from chezflora.domain.comment import Comment
from chezflora.domain.user import User


def reply_received(
    parent_author: User, replier: str, article: Article, reply: Comment
) -> OutgoingEmail:
    context: dict[str, object] = {
        "username": parent_author.username,
        "auteur_reponse": replier,
        "article_titre": article.titre,
        "article_id": article.id,
        "texte": reply.texte,
    }
    return OutgoingEmail(parent_author.email, "commentaire_reponse", context)


def held_for_review(admins: Iterable[User], held: Sequence[Comment]) -> list[OutgoingEmail]:
    items = [
        {"id": c.id, "article_id": c.article_id, "raison": c.ban_reason or "", "texte": c.texte}
        for c in held
    ]
    return [
        OutgoingEmail(
            admin.email,
            "commentaires_en_attente",
            {"username": admin.username, "total": len(items), "commentaires": items},
        )
        for admin in admins
    ]
