"""Known site parameters have a type and a range (issue 12): bad values never fall back silently."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.errors import InvalidInput
from chezflora.domain.parameter_rules import check_known


@pytest.mark.parametrize(
    ("cle", "valeur"),
    [
        ("otp_characters", "a"),
        ("otp_characters", "012345678"),
        ("otp_characters", "0123456789 "),
        ("otp_characters", "0123456789é"),
        ("otp_length", "abc"),
        ("otp_length", "-1"),
        ("otp_length", "1000"),
        ("otp_length", "3"),
        ("otp_length", "6.0"),
        ("otp_validity_minutes", "0"),
        ("SEUIL_STOCK_FAIBLE", "abc"),
        ("SEUIL_STOCK_FAIBLE", "-1"),
        ("primary_color", "rouge"),
        ("contact_email", "pas-un-email"),
    ],
)
def test_bad_values_of_known_keys_are_refused_on_valeur(cle: str, valeur: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        check_known(cle, valeur)
    assert list(raised.value.fields) == ["valeur"]


@pytest.mark.parametrize(
    ("cle", "valeur"),
    [
        ("otp_characters", "0123456789"),
        ("otp_characters", "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"),
        ("otp_length", " 6 "),
        ("otp_length", "20"),
        ("otp_validity_minutes", "1440"),
        ("SEUIL_STOCK_FAIBLE", "0"),
        ("primary_color", "#d6336c"),
        ("contact_email", "contact@chezflora.cm"),
    ],
)
def test_good_values_are_kept_trimmed(cle: str, valeur: str) -> None:
    assert check_known(cle, valeur) == valeur.strip()


@given(st.text(max_size=50))
def test_unknown_keys_take_any_text(valeur: str) -> None:
    assert check_known("site_name", valeur) == valeur
