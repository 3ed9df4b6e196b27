"""`Injected[T]`: a handler parameter Litestar fills, by its name, from the app's providers.

The providers (dependencies.py) hand over the objects bootstrap/ wired, so they are not
validated again: many are ports (Protocols), which msgspec cannot check, and skipping the check
keeps each injection to a dictionary lookup and a call.
"""

from __future__ import annotations

from typing import Annotated, TypeAlias, TypeVar

from litestar.di import Dependency
from litestar.params import SkipValidationMarker

T = TypeVar("T")

Injected: TypeAlias = Annotated[T, Dependency(kind="named"), SkipValidationMarker()]
