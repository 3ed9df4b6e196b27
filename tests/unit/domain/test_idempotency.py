"""Idempotency-Key rule: replay within 24 h, 409 on another request, proceed otherwise."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.errors import Conflict
from chezflora.domain.idempotency import (
    KEY_LIFETIME,
    KeyScope,
    Proceed,
    Replay,
    StoredResponse,
    decide,
    fingerprint,
)

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
BODY = b'{"adresse_id": 4}'
FP = fingerprint("POST", "/api/paniers/7/valider_panier/", BODY)
STORED = StoredResponse(fingerprint=FP, status=201, body=b'{"commande_id": 9}', created_at=T0)


class TestFingerprint:
    def test_is_sha256_hex(self) -> None:
        assert len(FP) == 64
        assert int(FP, 16) >= 0

    def test_is_stable(self) -> None:
        assert fingerprint("POST", "/api/paniers/7/valider_panier/", BODY) == FP

    def test_method_case_does_not_matter(self) -> None:
        assert fingerprint("post", "/api/paniers/7/valider_panier/", BODY) == FP

    @pytest.mark.parametrize(
        ("method", "path", "body"),
        [
            ("PUT", "/api/paniers/7/valider_panier/", BODY),
            ("POST", "/api/paniers/8/valider_panier/", BODY),
            ("POST", "/api/paniers/7/valider_panier/", b'{"adresse_id": 5}'),
            ("POST", "/api/paniers/7/valider_panier/", b""),
        ],
    )
    def test_any_difference_changes_it(self, method: str, path: str, body: bytes) -> None:
        assert fingerprint(method, path, body) != FP

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            (("POST", "/a", b"b"), ("POST", "/ab", b"")),
            (("POS", "T/a", b""), ("POST", "/a", b"")),
        ],
    )
    def test_parts_do_not_run_together(
        self, first: tuple[str, str, bytes], second: tuple[str, str, bytes]
    ) -> None:
        assert fingerprint(*first) != fingerprint(*second)

    @given(path=st.text().map(lambda t: t.replace("\0", "")), body=st.binary(), cut=st.integers(0))
    def test_moving_the_path_body_boundary_changes_it(
        self, path: str, body: bytes, cut: int
    ) -> None:
        # Same bytes overall, split elsewhere between path and body: must not collide.
        joined = path.encode() + body
        cut %= len(joined) + 1
        head, tail = joined[:cut], joined[cut:]
        try:
            other_path = head.decode()
        except UnicodeDecodeError:
            return
        if other_path != path and "\0" not in other_path:
            assert fingerprint("POST", other_path, tail) != fingerprint("POST", path, body)


class TestDecide:
    def test_no_stored_response_proceeds(self) -> None:
        assert decide(None, FP, T0) == Proceed()

    def test_same_request_within_24h_replays(self) -> None:
        later = T0 + KEY_LIFETIME - timedelta(seconds=1)
        assert decide(STORED, FP, later) == Replay(201, b'{"commande_id": 9}')

    def test_other_request_under_a_live_key_is_a_conflict(self) -> None:
        other = fingerprint("POST", "/api/paniers/7/valider_panier/", b'{"adresse_id": 5}')
        with pytest.raises(Conflict, match="Clé d'idempotence déjà utilisée"):
            decide(STORED, other, T0 + timedelta(hours=1))

    @pytest.mark.parametrize("age", [KEY_LIFETIME, KEY_LIFETIME + timedelta(days=3)])
    def test_expired_key_proceeds_even_with_another_request(self, age: timedelta) -> None:
        assert decide(STORED, FP, T0 + age) == Proceed()
        assert decide(STORED, "0" * 64, T0 + age) == Proceed()

    def test_lifetime_is_24_hours(self) -> None:
        assert timedelta(hours=24) == KEY_LIFETIME


def test_keys_are_scoped_per_user() -> None:
    assert KeyScope(1, "abc") != KeyScope(2, "abc")
    assert KeyScope(1, "abc") == KeyScope(1, "abc")
