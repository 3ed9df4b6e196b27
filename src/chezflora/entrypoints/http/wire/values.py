"""Values every wire module shares: money as a JSON number, and the keys a client sent."""

from __future__ import annotations

from typing import Annotated

import msgspec

from chezflora.domain.money import Money

# A database id: positive and within BIGINT, so an absurd number is a 400, not a driver overflow.
Id = Annotated[int, msgspec.Meta(ge=1, le=2**63 - 1)]


class NoFields(msgspec.Struct, forbid_unknown_fields=True):
    """The body of an action: nothing, `null` or `{}` (any field is refused)."""


def number(money: Money) -> float:
    """A 2-place Decimal as a JSON number: float() of it prints exactly the stored digits."""
    return float(money.amount)


def present(body: msgspec.Struct) -> dict[str, object]:
    """The keys the client sent; JSON floats become their shortest decimal text (no float math)."""
    values: dict[str, object] = {}
    for name in body.__struct_fields__:
        value = getattr(body, name)
        if value is not msgspec.UNSET:
            values[name] = str(value) if isinstance(value, float) else value
    return values
