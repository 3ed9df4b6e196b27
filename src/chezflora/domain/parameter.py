"""Site parameters: key → string value; some public, some read by the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.domain.errors import InvalidInput

PUBLIC_KEYS = frozenset(
    {
        "site_name",
        "site_description",
        "contact_email",
        "contact_phone",
        "primary_color",
        "secondary_color",
        "background_color",
    }
)
LOW_STOCK_THRESHOLD = "SEUIL_STOCK_FAIBLE"
DEFAULTS: dict[str, str] = {
    "otp_length": "6",
    "otp_characters": "0123456789",
    "otp_validity_minutes": "10",
    LOW_STOCK_THRESHOLD: "5",
}


@dataclass(eq=False, kw_only=True)
class Parameter:
    id: int | None = None
    cle: str
    valeur: str
    description: str | None = None
    date_mise_a_jour: datetime


def check_key(cle: str) -> str:
    value = cle.strip()
    if not value:
        raise InvalidInput.on_field("cle", "Ce champ est obligatoire.")
    if len(value) > 50:
        raise InvalidInput.on_field("cle", "Au plus 50 caractères.")
    return value


def check_value(valeur: str) -> str:
    if len(valeur) > 255:
        raise InvalidInput.on_field("valeur", "Au plus 255 caractères.")
    return valeur


def int_setting(values: dict[str, str], key: str, minimum: int, maximum: int) -> int:
    """A numeric parameter, falling back to its default when missing or out of range."""
    try:
        number = int(values.get(key, DEFAULTS[key]))
    except ValueError:
        number = int(DEFAULTS[key])
    return number if minimum <= number <= maximum else int(DEFAULTS[key])


def low_stock_threshold(values: dict[str, str]) -> int:
    """`SEUIL_STOCK_FAIBLE`: a product is low when its stock is at or below it (default 5)."""
    return int_setting(values, LOW_STOCK_THRESHOLD, 0, 1_000_000)
