"""Input rules of catalogue fields: names, descriptions, prices, stock, flags and ids.

Each rule reports its message under `field`, the client's (French) name of the field, which
is what a 400's `fields` lists; the wire structs pass it when it differs from the default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money, round_half_up, to_decimal

NAME_MAX_LENGTH = 100
# products.prix is DECIMAL(10, 2) in the database.
PRICE_MAX = Decimal("99999999.99")
# stock is a signed 32-bit INT in the database.
STOCK_MAX = 2_147_483_647

REQUIRED = "Ce champ est obligatoire."
BLANK = "Ce champ ne peut être vide."
NOT_A_STRING = "Une chaîne de caractères valide est requise."
TOO_LONG = f"Au plus {NAME_MAX_LENGTH} caractères."
NOT_A_NUMBER = "Un nombre valide est requis."
NOT_AN_INTEGER = "Un nombre entier valide est requis."
PRICE_NEGATIVE = "Le prix ne peut pas être négatif."
PRICE_TOO_PRECISE = "Au plus 2 chiffres après la virgule."
PRICE_TOO_LARGE = f"Le prix ne peut pas dépasser {PRICE_MAX}."
STOCK_NEGATIVE = "Le stock ne peut pas être négatif."
STOCK_TOO_LARGE = f"Le stock ne peut pas dépasser {STOCK_MAX}."
INVALID_DATA = "Données invalides."
NOT_A_BOOLEAN = "Un booléen valide est requis."
NOT_AN_ID = "Un identifiant entier valide est requis."
NOT_A_LIST = "Une liste d'identifiants est attendue."
UNKNOWN_IDS = "Identifiants inconnus : {ids}."


def validate_name(value: object, field: str = "nom") -> str:
    """A name is a required, non-blank string of at most 100 characters (trimmed)."""
    if value is None:
        raise InvalidInput.on_field(field, REQUIRED)
    if not isinstance(value, str):
        raise InvalidInput.on_field(field, NOT_A_STRING)
    name = value.strip()
    if not name:
        raise InvalidInput.on_field(field, BLANK)
    if len(name) > NAME_MAX_LENGTH:
        raise InvalidInput.on_field(field, TOO_LONG)
    return name


def validate_description(value: object, field: str = "description") -> str:
    """A description is a string that may be empty; absent means empty."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidInput.on_field(field, NOT_A_STRING)
    return value.strip()


def validate_price(value: object, field: str = "prix") -> Money:
    """A price is a number with at most 2 decimals, 0 <= price <= 99,999,999.99."""
    if value is None:
        raise InvalidInput.on_field(field, REQUIRED)
    if isinstance(value, float):
        # A float here is a programming error: the HTTP layer converts via str() first.
        raise TypeError("prices are read from str(float), never from a float")
    try:
        amount = to_decimal(value)
    except (TypeError, ValueError):
        raise InvalidInput.on_field(field, NOT_A_NUMBER) from None
    if amount < 0:
        raise InvalidInput.on_field(field, PRICE_NEGATIVE)
    if amount > PRICE_MAX:
        raise InvalidInput.on_field(field, PRICE_TOO_LARGE)
    # Refuse rather than round: an admin typing 10.005 meant something we should not guess.
    if round_half_up(amount) != amount:
        raise InvalidInput.on_field(field, PRICE_TOO_PRECISE)
    # abs() turns "-0" into 0 so no price ever prints as "-0.00".
    return Money(abs(amount))


def validate_stock(value: object, field: str = "stock") -> int:
    """A stock is a whole number, 0 <= stock <= 2,147,483,647; numeric strings are accepted."""
    if value is None:
        raise InvalidInput.on_field(field, REQUIRED)
    stock = _read_int(value)
    if stock is None:
        raise InvalidInput.on_field(field, NOT_AN_INTEGER)
    if stock < 0:
        raise InvalidInput.on_field(field, STOCK_NEGATIVE)
    if stock > STOCK_MAX:
        raise InvalidInput.on_field(field, STOCK_TOO_LARGE)
    return stock


def _read_int(value: object) -> int | None:
    # bool is an int subclass, but `true` is not a quantity.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        digits = text[1:] if text[:1] in "+-" else text
        # isdecimal() alone would accept non-ASCII digits such as "١٢".
        if digits.isascii() and digits.isdecimal():
            return _int_or_none(text)
    return None


def _int_or_none(text: str) -> int | None:
    # int() refuses absurdly long digit strings (CPython's int_max_str_digits guard).
    try:
        return int(text)
    except ValueError:
        return None


def summary_of(errors: Mapping[str, list[str]]) -> str:
    """The `error` of a 400 listing these `fields`."""
    # One failing field: its own message is the most useful summary.
    if len(errors) == 1:
        (messages,) = errors.values()
        return messages[0]
    return INVALID_DATA


def validate_flag(value: object, field: str = "is_active") -> bool:
    """A boolean, or the strings "true"/"false" the client's FormData produces."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    raise InvalidInput.on_field(field, NOT_A_BOOLEAN)


MAX_ID = 2**63 - 1  # ids are BIGINT: a larger number cannot name anything


def validate_id(value: object, field: str) -> int:
    """A positive id within BIGINT, as an integer or a numeric string."""
    number = _read_int(value)
    if number is None or not 1 <= number <= MAX_ID:
        raise InvalidInput.on_field(field, NOT_AN_ID)
    return number


def validate_optional_id(value: object, field: str) -> int | None:
    """An id or null/empty (a promotion without category)."""
    if value is None or value == "":
        return None
    return validate_id(value, field)


def validate_ids(value: object, field: str) -> frozenset[int]:
    """A list of ids; null means the empty list."""
    if value is None:
        return frozenset()
    if not isinstance(value, list | tuple):
        raise InvalidInput.on_field(field, NOT_A_LIST)
    return frozenset(validate_id(item, field) for item in value)


def unknown_ids(field: str, missing: Iterable[int]) -> InvalidInput:
    listed = ", ".join(str(i) for i in sorted(missing))
    return InvalidInput.on_field(field, UNKNOWN_IDS.format(ids=listed))
