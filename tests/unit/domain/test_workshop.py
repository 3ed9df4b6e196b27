"""Workshop rules: seats never below those taken, dates, cancellation (FIFO ranks are the
registrations repository's: tests/integration/test_workshops_http.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.errors import Conflict, InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.workshop import (
    RegistrationStatus,
    Workshop,
    check_fields,
)

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _workshop(total: int = 5, taken: int = 0, **changes: object) -> Workshop:
    values: dict[str, object] = {
        "id": 1,
        "nom": "Ikebana",
        "description": "",
        "date": NOW + timedelta(days=3),
        "duree": 120,
        "prix": Money(Decimal("5000")),
        "places_totales": total,
        "seats_taken": taken,
    }
    values.update(changes)
    return Workshop(**values)  # type: ignore[arg-type]


@given(
    total=st.integers(0, 50),
    taken=st.integers(0, 50),
    new_total=st.integers(-5, 60),
)
def test_resize_never_goes_below_the_seats_taken(total, taken, new_total):
    taken = min(taken, total)
    workshop = _workshop(total, taken)
    if new_total < taken:
        with pytest.raises(InvalidInput) as refused:
            workshop.resize(new_total)
        assert "places_totales" in refused.value.fields
        assert workshop.places_totales == total  # unchanged
        return
    freed = workshop.resize(new_total)
    assert workshop.places_totales == new_total
    assert workshop.places_disponibles == new_total - taken >= 0
    assert freed == max(new_total - total, 0)


@given(total=st.integers(0, 20), taken=st.integers(0, 20))
def test_free_seats_are_derived_and_never_negative(total, taken):
    workshop = _workshop(total, taken)
    assert workshop.places_disponibles == max(total - taken, 0)


def test_only_active_future_workshops_take_registrations():
    _workshop().ensure_open(NOW)
    with pytest.raises(Conflict):
        _workshop(is_active=False).ensure_open(NOW)
    with pytest.raises(Conflict):
        _workshop(date=NOW).ensure_open(NOW)
    with pytest.raises(Conflict):
        _workshop(date=NOW - timedelta(hours=1)).ensure_not_started(NOW)


def test_cancel_needs_a_reason_and_happens_once():
    workshop = _workshop(taken=3)
    with pytest.raises(InvalidInput):
        workshop.cancel("   ", NOW)
    workshop.cancel(" Orage ", NOW)
    assert workshop.is_active is False and workshop.cancel_reason == "Orage"
    assert workshop.seats_taken == 0 and workshop.cancelled_at == NOW
    with pytest.raises(Conflict):
        workshop.cancel("encore", NOW)


@pytest.mark.parametrize(
    ("nom", "duree", "prix", "total", "field"),
    [
        (" ", 60, "10", 1, "nom"),
        ("A", 0, "10", 1, "duree"),
        ("A", 60, "-1", 1, "prix"),
        ("A", 60, "10", -1, "places_totales"),
    ],
)
def test_field_rules_name_the_field(nom, duree, prix, total, field):
    with pytest.raises(InvalidInput) as refused:
        check_fields(nom, duree, Money(Decimal(prix)), total)
    assert field in refused.value.fields


def test_only_seat_statuses_hold_a_seat():
    held = {s for s in RegistrationStatus if s.holds_seat}
    assert held == {RegistrationStatus.INSCRIT, RegistrationStatus.CONFIRME}
