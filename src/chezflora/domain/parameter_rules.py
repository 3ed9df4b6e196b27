"""Types and ranges of the parameters the rules read: a bad value is refused when saved."""

from __future__ import annotations

import re
import string
from collections.abc import Callable

from chezflora.domain.errors import InvalidInput

Rule = Callable[[str], str | None]  # the message when the value is refused
OTP_ALPHABET_MIN = 10
_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def integer_between(minimum: int, maximum: int) -> Rule:
    def rule(value: str) -> str | None:
        text = value.strip()
        if not re.fullmatch(r"[+-]?\d{1,12}", text) or not minimum <= int(text) <= maximum:
            return f"Un nombre entier entre {minimum} et {maximum} est attendu."
        return None

    return rule


def otp_alphabet(value: str) -> str | None:
    allowed = set(string.ascii_letters + string.digits)
    if set(value) - allowed or len(set(value)) < OTP_ALPHABET_MIN:
        return f"Au moins {OTP_ALPHABET_MIN} lettres ou chiffres différents, sans autre caractère."
    return None


def color(value: str) -> str | None:
    return None if _COLOR.fullmatch(value.strip()) else "Couleur attendue au format #RRGGBB."


def email(value: str) -> str | None:
    return None if _EMAIL.fullmatch(value.strip()) else "Adresse e-mail invalide."


# The same ranges the readers use (identity codes, low-stock alert).
RULES: dict[str, Rule] = {
    "otp_length": integer_between(4, 20),
    "otp_validity_minutes": integer_between(1, 24 * 60),
    "otp_characters": otp_alphabet,
    "SEUIL_STOCK_FAIBLE": integer_between(0, 1_000_000),
    "primary_color": color,
    "secondary_color": color,
    "background_color": color,
    "contact_email": email,
}


def check_known(cle: str, valeur: str) -> str:
    """A known key's value has its type and range (400 on `valeur`); others are free text."""
    rule = RULES.get(cle)
    message = rule(valeur) if rule is not None else None
    if message is not None:
        raise InvalidInput(f"Valeur invalide pour {cle} : {message}", fields={"valeur": [message]})
    return valeur.strip() if rule is not None else valeur
