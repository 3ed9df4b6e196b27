"""Comments on blog articles: the text rules, and how a verdict or an admin changes one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.domain.errors import InvalidInput
from chezflora.domain.moderation import ModerationState, Verdict

TEXT_MAX_LENGTH = 500
WORD_MAX_LENGTH = 50
TEXT_REQUIRED = "Ce champ est obligatoire."
TEXT_BLANK = "Le texte du commentaire ne peut pas être vide."
TEXT_TOO_LONG = f"Le commentaire ne peut pas dépasser {TEXT_MAX_LENGTH} caractères."
WORD_TOO_LONG = f"Aucun mot ne peut dépasser {WORD_MAX_LENGTH} caractères sans espace."
COMMENT_NOT_FOUND = "Commentaire non trouvé"
PARENT_INVALID = "Le commentaire parent doit être un commentaire visible du même article."


def validate_comment_text(value: object, field: str = "texte") -> str:
    """Not blank, at most 500 characters, no word over 50 characters; surrounding spaces go."""
    if value is None:
        raise InvalidInput.on_field(field, TEXT_REQUIRED)
    if not isinstance(value, str):
        raise InvalidInput.on_field(field, "Une chaîne de caractères est attendue.")
    text = value.strip()
    if not text:
        raise InvalidInput.on_field(field, TEXT_BLANK)
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidInput.on_field(field, TEXT_TOO_LONG)
    if any(len(word) > WORD_MAX_LENGTH for word in text.split()):
        raise InvalidInput.on_field(field, WORD_TOO_LONG)
    return text


@dataclass(slots=True)
class Comment:
    article_id: int
    client_id: int
    texte: str
    parent_id: int | None
    state: ModerationState
    ban_reason: str | None
    date: datetime
    id: int = 0
    review_notified: bool = False  # the admins' digest has listed it while held

    @property
    def is_active(self) -> bool:
        return self.state is ModerationState.PUBLIE

    @classmethod
    def posted(
        cls,
        article_id: int,
        client_id: int,
        texte: str,
        parent_id: int | None,
        verdict: Verdict,
        now: datetime,
    ) -> Comment:
        return cls(article_id, client_id, texte, parent_id, verdict.state, verdict.reason, now)

    def rewrite(self, texte: str, verdict: Verdict) -> None:
        """The author's edit: moderated again, so it may go from visible to held."""
        self.texte = texte
        self.state, self.ban_reason = verdict.state, verdict.reason
        self.review_notified = False

    def show(self) -> None:
        """An admin publishes it: the reason it was hidden no longer applies."""
        self.state, self.ban_reason = ModerationState.PUBLIE, None

    def hide(self, reason: str | None) -> None:
        """An admin hides it, with their reason or the one already recorded."""
        self.state = ModerationState.MASQUE
        if reason is not None and reason.strip():
            self.ban_reason = reason.strip()
