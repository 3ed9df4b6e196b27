"""Reading known query parameters strictly (malformed → 400) while ignoring unknown ones."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE, PageRequest
from chezflora.domain.errors import InvalidInput, NotFound

Params = Mapping[str, str]
MAX_OFFSET = 2**53
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


def _bad(name: str, message: str) -> InvalidInput:
    return InvalidInput(f"Paramètre {name} invalide", fields={name: [message]})


def text(params: Params, name: str) -> str | None:
    value = params.get(name)
    return value.strip() if value and value.strip() else None


def boolean(params: Params, name: str) -> bool | None:
    value = text(params, name)
    if value is None:
        return None
    if value.lower() in _TRUE:
        return True
    if value.lower() in _FALSE:
        return False
    raise _bad(name, "Valeur attendue : true ou false.")


def integer(params: Params, name: str, minimum: int | None = None) -> int | None:
    value = text(params, name)
    if value is None:
        return None
    try:
        number = int(value)
    except ValueError:
        raise _bad(name, "Un nombre entier est attendu.") from None
    if minimum is not None and number < minimum:
        raise _bad(name, f"La valeur doit être supérieure ou égale à {minimum}.")
    return number


def decimal(params: Params, name: str) -> Decimal | None:
    value = text(params, name)
    if value is None:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise _bad(name, "Un nombre est attendu.") from None
    if not number.is_finite():
        raise _bad(name, "Un nombre est attendu.")
    return number


def instant(params: Params, name: str, *, end_of_day: bool = False) -> datetime | None:
    value = text(params, name)
    if value is None:
        return None
    try:
        return parse_instant(value, end_of_day=end_of_day)
    except ValueError:
        raise _bad(name, "Date invalide (format ISO 8601 attendu).") from None


def parse_instant(value: str, *, end_of_day: bool = False) -> datetime:
    """ISO-8601, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; naive means UTC (ValueError otherwise)."""
    if len(value) == 10:
        day = date.fromisoformat(value)
        return datetime.combine(day, time.max if end_of_day else time.min, tzinfo=UTC)
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    try:
        return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except OverflowError:
        raise ValueError("outside the calendar once in UTC") from None


def page_request(params: Params) -> PageRequest:
    page = integer(params, "page", minimum=1) or 1
    per_page = min(integer(params, "per_page", minimum=1) or DEFAULT_PER_PAGE, MAX_PER_PAGE)
    if (page - 1) * per_page > MAX_OFFSET:
        # Past the end of any list, like any page after the last (and within BIGINT).
        raise NotFound("Page non valide.")
    return PageRequest(page=page, per_page=per_page)


def list_options(params: Params) -> ListOptions:
    return ListOptions(search=text(params, "search"), ordering=text(params, "ordering"))
