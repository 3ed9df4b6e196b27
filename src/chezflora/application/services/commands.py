"""What the portfolio's write use cases are asked to do (services and réalisations).

Translated from the client's French fields by the wire structs; `NOT_GIVEN` in a partial
update keeps the stored value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chezflora.application.catalogue.commands import NOT_GIVEN, NotGiven


@dataclass(frozen=True, slots=True)
class NewService:
    name: str
    description: str = ""
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class ServiceChanges:
    name: str | NotGiven = NOT_GIVEN
    description: str | NotGiven = NOT_GIVEN
    is_active: bool | NotGiven = NOT_GIVEN


@dataclass(frozen=True, slots=True)
class NewRealisation:
    """The author is the admin who calls the use case."""

    service_id: int
    title: str
    date: datetime
    description: str = ""
    is_active: bool = True


@dataclass(frozen=True, slots=True)
class RealisationChanges:
    service_id: int | NotGiven = NOT_GIVEN
    title: str | NotGiven = NOT_GIVEN
    date: datetime | NotGiven = NOT_GIVEN
    description: str | NotGiven = NOT_GIVEN
    is_active: bool | NotGiven = NOT_GIVEN
