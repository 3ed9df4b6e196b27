"""Address field rules and what cancelling an order does to its payments."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from chezflora.domain.address import Address, clean_fields
from chezflora.domain.errors import InvalidInput
from chezflora.domain.payment import PaymentStatus, settle_on_cancel

FULL = {"nom": " Maison ", "rue": "1 rue X", "ville": "Yaoundé", "code_postal": "237", "pays": "CM"}


def test_fields_are_trimmed_and_all_required_on_creation():
    assert clean_fields(FULL, partial=False)["nom"] == "Maison"
    with pytest.raises(InvalidInput) as missing:
        clean_fields({"nom": "Maison"}, partial=False)
    assert set(missing.value.fields) == {"rue", "ville", "code_postal", "pays"}


@pytest.mark.parametrize("value", ["", "   ", None, 12, "x" * 101])
def test_a_bad_value_is_refused_even_in_a_partial_update(value):
    with pytest.raises(InvalidInput) as refused:
        clean_fields({"nom": value}, partial=True)
    assert list(refused.value.fields) == ["nom"]


def test_partial_update_changes_only_what_was_sent():
    address = Address(client_id=1, date_creation=datetime(2024, 1, 1, tzinfo=UTC), **FULL)
    address.apply({"ville": "Douala", "is_default": True})
    assert (address.ville, address.nom, address.is_default) == ("Douala", " Maison ", True)


@pytest.mark.parametrize(
    ("current", "settled"),
    [
        (PaymentStatus.EFFECTUE, PaymentStatus.REMBOURSE),
        (PaymentStatus.SIMULE, PaymentStatus.ECHEC),
        (PaymentStatus.REMBOURSE, None),
        (PaymentStatus.ECHEC, None),
    ],
)
def test_cancelling_refunds_paid_payments_and_fails_pending_ones(current, settled):
    assert settle_on_cancel(current) is settled
