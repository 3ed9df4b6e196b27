"""Services (made-to-order work), réalisations (the portfolio) and the input rules of both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from chezflora.domain.catalogue_fields import (
    NOT_A_STRING,
    REQUIRED,
    validate_description,
    validate_price,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money

SERVICE_NOT_FOUND = "Service non trouvé"
SERVICE_NAME_TAKEN = "Un service avec ce nom existe déjà."
SERVICE_INACTIVE = "Ce service n'est pas disponible."
SERVICE_IN_USE = (
    "Ce service a des devis ou des réalisations : désactivez-le plutôt (is_active=false)."
)
REALISATION_NOT_FOUND = "Réalisation non trouvée"
BAD_DATE = "Date invalide (format AAAA-MM-JJ attendu)."
DESCRIPTION_MAX_LENGTH = 5000
DESCRIPTION_TOO_LONG = f"Au plus {DESCRIPTION_MAX_LENGTH} caractères."


@dataclass(frozen=True, slots=True)
class Service:
    """Work the shop does on request; inactive ones are hidden from non-admins."""

    id: int
    name: str
    description: str = ""
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class Realisation:
    """A past piece of work shown in the portfolio, tied to one service."""

    id: int
    service_id: int
    title: str
    date: datetime
    description: str = ""
    is_active: bool = True
    admin_id: int | None = None


def validate_text(value: object, field: str = "description") -> str:
    """A free text (may be empty) of at most 5000 characters."""
    text = validate_description(value, field)
    if len(text) > DESCRIPTION_MAX_LENGTH:
        raise InvalidInput.on_field(field, DESCRIPTION_TOO_LONG)
    return text


def validate_required_text(value: object, field: str = "description") -> str:
    """The quote's description: required and not blank."""
    if value is None:
        raise InvalidInput.on_field(field, REQUIRED)
    text = validate_text(value, field)
    if not text:
        raise InvalidInput.on_field(field, "Ce champ ne peut être vide.")
    return text


def validate_work_date(value: object, field: str = "date") -> datetime:
    """`YYYY-MM-DD` (midnight UTC) or a full ISO-8601 instant."""
    if value is None:
        raise InvalidInput.on_field(field, REQUIRED)
    if not isinstance(value, str):
        raise InvalidInput.on_field(field, NOT_A_STRING)
    text = value.strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.min, tzinfo=UTC)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput.on_field(field, BAD_DATE) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def validate_optional_price(value: object, field: str) -> Money | None:
    """A budget or a proposal: null/empty means none; otherwise a price (≥ 0, 2 decimals)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return validate_price(value, field)
