"""Reading a request body's raw fields into typed command values, every failure at once.

The rules themselves live in the domain (catalogue_fields.py, service.py, pricing.py); this
only runs them on the keys the client sent and gathers their messages under the French wire
names, so that a 400 lists every bad field (decisions.md §1).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import msgspec

from chezflora.application.catalogue.commands import NOT_GIVEN, NotGiven
from chezflora.domain.catalogue_fields import REQUIRED, summary_of, validate_flag, validate_name
from chezflora.domain.errors import InvalidInput
from chezflora.entrypoints.http.wire.values import present

T = TypeVar("T")


class FieldReader:
    """Runs one rule per field over the keys a client sent (see `present`)."""

    def __init__(self, sent: Mapping[str, object]) -> None:
        self._sent = sent
        self._errors: dict[str, list[str]] = {}

    def sent(self, name: str) -> bool:
        return name in self._sent

    def optional(
        self, name: str, rule: Callable[[object], T], *, null_is_absent: bool = False
    ) -> T | NotGiven:
        """The checked value when the key was sent, NOT_GIVEN when it was not; with
        `null_is_absent`, a null counts as not sent."""
        if name not in self._sent or (null_is_absent and self._sent[name] is None):
            return NOT_GIVEN
        return self._run(rule, self._sent[name])

    def demanded(self, name: str, rule: Callable[[object], T]) -> T | NotGiven:
        """Like `optional`, but an absent key is an error ("Ce champ est obligatoire.")."""
        if name not in self._sent:
            self.missing(name)
        return self.optional(name, rule)

    def required(self, name: str, rule: Callable[[object], T]) -> T | NotGiven:
        """Checked even when absent: the rule sees None and says what is missing."""
        return self._run(rule, self._sent.get(name))

    def missing(self, name: str) -> None:
        self._errors[name] = [REQUIRED]

    def raise_errors(self) -> None:
        """One InvalidInput naming every field that failed so far (nothing when none did)."""
        if self._errors:
            raise InvalidInput(summary_of(self._errors), fields=self._errors)

    def _run(self, rule: Callable[[object], T], raw: object) -> T | NotGiven:
        try:
            return rule(raw)
        except InvalidInput as exc:
            self._errors.update(exc.fields)
            return NOT_GIVEN


def checked(value: T | NotGiven) -> T:
    """A field that had to be there, once `raise_errors` has passed (so it did not fail)."""
    if isinstance(value, NotGiven):
        raise AssertionError("read a failed field before raise_errors()")
    return value


@dataclass(frozen=True, slots=True)
class NamedFields:
    """nom, description and is_active: what categories and services are made of."""

    name: str | NotGiven
    description: str | NotGiven
    is_active: bool | NotGiven


def named_fields(
    body: msgspec.Struct, describe: Callable[[object], str], *, creating: bool
) -> NamedFields:
    """The texts first, then the flag: a bad name hides a bad flag (as it always has)."""
    fields = FieldReader(present(body))
    read = fields.required if creating else fields.optional
    name, description = read("nom", validate_name), read("description", describe)
    fields.raise_errors()
    is_active = fields.optional("is_active", validate_flag, null_is_absent=True)
    fields.raise_errors()
    return NamedFields(name, description, is_active)
