"""Blog articles: title and body rules, and the article itself (its HTML already sanitized)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.domain.errors import InvalidInput

TITRE_MAX_LENGTH = 200
CONTENU_MAX_LENGTH = 200_000
ARTICLE_NOT_FOUND = "Article non trouvé"
REQUIRED = "Ce champ est obligatoire."
BLANK = "Ce champ ne peut être vide."


def validate_titre(value: object) -> str:
    text = _text(value, "titre")
    if len(text) > TITRE_MAX_LENGTH:
        raise InvalidInput.on_field("titre", f"Au plus {TITRE_MAX_LENGTH} caractères.")
    return text


def validate_contenu(value: object) -> str:
    text = _text(value, "contenu")
    if len(text) > CONTENU_MAX_LENGTH:
        raise InvalidInput.on_field("contenu", f"Au plus {CONTENU_MAX_LENGTH} caractères.")
    return text


def _text(value: object, field: str) -> str:
    if value is None:
        raise InvalidInput.on_field(field, REQUIRED)
    if not isinstance(value, str):
        raise InvalidInput.on_field(field, "Une chaîne de caractères est attendue.")
    if not value.strip():
        raise InvalidInput.on_field(field, BLANK)
    return value.strip()


@dataclass(slots=True)
class Article:
    titre: str
    contenu: str
    auteur_id: int
    is_active: bool
    cover: str | None
    date_publication: datetime
    date_mise_a_jour: datetime
    id: int = 0
