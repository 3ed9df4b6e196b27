"""What the catalogue's write use cases are asked to do, in the application's own words.

The HTTP wire structs translate the client's French fields into these (the one place French
is spoken); the CLI and tests build them directly. A partial update names only what changes:
a field left at `NOT_GIVEN` keeps its stored value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import TypeVar

from chezflora.domain.money import Money

T = TypeVar("T")


class NotGiven(Enum):
    """The caller did not send this field (distinct from an explicit null)."""

    NOT_GIVEN = "not given"


NOT_GIVEN = NotGiven.NOT_GIVEN


def given_or(value: T | NotGiven, current: T) -> T:
    """The new value when given, else the current one."""
    return current if isinstance(value, NotGiven) else value


@dataclass(frozen=True, slots=True)
class NewCategory:
    name: str
    description: str = ""
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class CategoryChanges:
    name: str | NotGiven = NOT_GIVEN
    description: str | NotGiven = NOT_GIVEN
    is_active: bool | NotGiven = NOT_GIVEN


@dataclass(frozen=True, slots=True)
class NewProduct:
    name: str
    description: str
    price: Money
    stock: int
    category_id: int
    is_active: bool = True
    promotion_ids: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class ProductChanges:
    """`promotion_ids`, when given, replaces the product's promotion links."""

    name: str | NotGiven = NOT_GIVEN
    description: str | NotGiven = NOT_GIVEN
    price: Money | NotGiven = NOT_GIVEN
    stock: int | NotGiven = NOT_GIVEN
    category_id: int | NotGiven = NOT_GIVEN
    is_active: bool | NotGiven = NOT_GIVEN
    promotion_ids: frozenset[int] | NotGiven = NOT_GIVEN


@dataclass(frozen=True, slots=True)
class NewPromotion:
    """`reduction` is a fraction in [0, 1]; no category means only the linked products."""

    name: str
    reduction: Decimal
    starts_at: datetime
    ends_at: datetime
    description: str | None = None
    category_id: int | None = None
    product_ids: frozenset[int] = field(default_factory=frozenset)
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class PromotionChanges:
    """`category_id=None` removes the category; `product_ids` replaces the links."""

    name: str | NotGiven = NOT_GIVEN
    description: str | NotGiven = NOT_GIVEN
    reduction: Decimal | NotGiven = NOT_GIVEN
    starts_at: datetime | NotGiven = NOT_GIVEN
    ends_at: datetime | NotGiven = NOT_GIVEN
    category_id: int | NotGiven | None = NOT_GIVEN
    product_ids: frozenset[int] | NotGiven = NOT_GIVEN
    is_active: bool | NotGiven = NOT_GIVEN
