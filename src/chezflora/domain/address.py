"""Delivery address: a labelled postal address of one client; at most one is the default."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from chezflora.domain.errors import InvalidInput

# Wire field → maximum length (the original model's limits).
FIELD_LIMITS: dict[str, int] = {
    "nom": 100,
    "rue": 200,
    "ville": 100,
    "code_postal": 20,
    "pays": 100,
}
REQUIRED_MESSAGE = "Ce champ est obligatoire."
NOT_FOUND_MESSAGE = "Adresse non trouvée"


@dataclass(eq=False, kw_only=True)
class Address:
    id: int | None = None
    client_id: int
    nom: str
    rue: str
    ville: str
    code_postal: str
    pays: str
    is_default: bool = False
    date_creation: datetime

    def apply(self, changes: Mapping[str, object]) -> None:
        """Partial update: every present text field is checked like on creation."""
        for name, value in clean_fields(changes, partial=True).items():
            setattr(self, name, value)
        if "is_default" in changes:
            self.is_default = bool(changes["is_default"])


def clean_fields(values: Mapping[str, object], *, partial: bool) -> dict[str, str]:
    """Trimmed, non-blank texts within their limits; all required unless `partial`."""
    cleaned: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    for name, limit in FIELD_LIMITS.items():
        if name not in values:
            if not partial:
                errors[name] = [REQUIRED_MESSAGE]
            continue
        value = values[name]
        text = value.strip() if isinstance(value, str) else ""
        if not text:
            errors[name] = [REQUIRED_MESSAGE]
        elif len(text) > limit:
            errors[name] = [f"Au plus {limit} caractères."]
        else:
            cleaned[name] = text
    if errors:
        first = next(iter(errors))
        raise InvalidInput(f"{first} : {errors[first][0]}", fields=errors)
    return cleaned
