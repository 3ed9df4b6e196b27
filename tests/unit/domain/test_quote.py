"""Quote state machine: any sequence of calls by owner, other client, admin and the system."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chezflora.domain.errors import Conflict, DomainError, Forbidden, InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.quote import Quote, QuoteStatus, Role
from chezflora.domain.service import (
    validate_optional_price,
    validate_required_text,
    validate_work_date,
)

S = QuoteStatus
START = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
OWNER, OTHER, ADMIN = 1, 2, 99

# Written out again from decisions §5 rather than imported, so the module's table is checked.
REACHABLE = {
    S.BROUILLON: {S.SOUMIS},
    S.SOUMIS: {S.EN_COURS, S.REFUSE, S.EXPIRE},
    S.EN_COURS: {S.EN_COURS, S.ACCEPTE, S.REFUSE, S.EXPIRE},
    S.ACCEPTE: set(),
    S.REFUSE: set(),
    S.EXPIRE: set(),
}

actors = st.sampled_from([(OWNER, False), (OTHER, False), (ADMIN, True), (None, False)])
verbs = st.sampled_from(["edit", "submit", "answer", "accept", "refuse", "expire"])
steps = st.lists(st.tuples(verbs, actors, st.integers(min_value=0, max_value=40 * 24)), max_size=25)


def _quote() -> Quote:
    return Quote(client_id=OWNER, service_id=7, description="Mariage", prix_demande=Money("50000"))


def _call(quote: Quote, verb: str, actor: tuple[int | None, bool], now: datetime) -> None:
    user_id, is_admin = actor
    if user_id is None:  # the system: only the expiry job
        if verb == "expire":
            quote.expire(now)
        return
    role = quote.role_of(user_id, is_admin)
    if role is None:  # another client: the application answers 404 before reaching the domain
        raise Forbidden("pas le sien")
    if verb == "edit":
        quote.edit(role, description="Autre")
    elif verb == "submit":
        quote.submit(role, now)
    elif verb == "answer":
        quote.answer(role, Money("45000"), "OK")
    elif verb == "accept":
        quote.accept(role, now)
    elif verb == "refuse":
        quote.refuse(role, now)
    elif verb == "expire":
        quote.expire(now)


@settings(max_examples=300)
@given(steps)
def test_every_sequence_follows_the_table(sequence: list[tuple[str, tuple[int | None, bool], int]]):
    quote, now = _quote(), START
    stamps: list[tuple[datetime | None, datetime | None]] = []
    for verb, actor, hours in sequence:
        now += timedelta(hours=hours)
        before = quote.statut
        stamped = (quote.date_soumission, quote.date_expiration)
        try:
            _call(quote, verb, actor, now)
        except (Forbidden, Conflict):
            # A refused call changes nothing at all.
            assert quote.statut is before
            assert (quote.date_soumission, quote.date_expiration) == stamped
            continue
        assert quote.statut is before or quote.statut in REACHABLE[before]
        if quote.statut is not before:
            if quote.statut in (S.ACCEPTE, S.REFUSE) and actor[0] == OWNER:
                assert before is S.EN_COURS and now < quote.date_expiration  # type: ignore[operator]
            if quote.statut is S.EXPIRE:
                assert now >= quote.date_expiration  # type: ignore[operator]
        stamps.append((quote.date_soumission, quote.date_expiration))
    # date_soumission / date_expiration are set once (at submission) and never change again.
    set_once = [s for s in stamps if s != (None, None)]
    assert len(set(set_once)) <= 1
    if quote.statut is not S.BROUILLON:
        assert quote.date_soumission is not None
        assert quote.date_expiration == quote.date_soumission + timedelta(days=30)
    else:
        assert quote.date_soumission is None and quote.date_expiration is None


@given(st.sampled_from(list(S)), st.sampled_from(["accept", "refuse"]), actors)
def test_only_the_owner_decides_and_only_on_a_proposal(status, verb, actor):
    quote = _quote()
    quote.statut, quote.date_soumission = status, START
    quote.date_expiration = START + timedelta(days=30)
    allowed = status is S.EN_COURS and actor[0] == OWNER
    admin_refuse = verb == "refuse" and actor[0] == ADMIN and status in (S.SOUMIS, S.EN_COURS)
    if actor[0] is None:
        return
    if allowed or admin_refuse:
        _call(quote, verb, actor, START + timedelta(days=1))
        assert quote.statut is (S.ACCEPTE if verb == "accept" else S.REFUSE)
    else:
        with pytest.raises((Forbidden, Conflict)):
            _call(quote, verb, actor, START + timedelta(days=1))
        assert quote.statut is status


def _proposed() -> Quote:
    quote = _quote()
    quote.submit(Role.OWNER, START)
    quote.answer(Role.ADMIN, Money("45000"), "OK")
    return quote


@pytest.mark.parametrize("verb", ["accept", "refuse"])
def test_no_decision_once_the_expiry_date_is_reached(verb):
    quote = _proposed()
    at = START + timedelta(days=30)
    with pytest.raises(Conflict, match="expiré"):
        getattr(quote, verb)(Role.OWNER, at)
    assert quote.statut is S.EN_COURS
    assert quote.expire(at) is True and quote.statut is S.EXPIRE
    assert quote.expire(at) is False


def test_submission_stamps_dates_and_refuses_twice():
    quote = _quote()
    quote.submit(Role.OWNER, START)
    assert quote.date_soumission == START and quote.date_expiration == START + timedelta(days=30)
    with pytest.raises(Conflict, match="déjà été soumis"):
        quote.submit(Role.OWNER, START + timedelta(days=1))
    assert quote.date_soumission == START


def test_admin_answer_keeps_a_previous_comment_when_empty_and_may_revise():
    quote = _proposed()
    quote.answer(Role.ADMIN, Money("40000"), "")
    assert quote.prix_propose == Money("40000") and quote.commentaire_admin == "OK"
    with pytest.raises(Forbidden):
        quote.answer(Role.OWNER, Money("1"), "moi")


def test_edit_only_by_owner_while_draft():
    quote = _quote()
    quote.edit(Role.OWNER, description="Baptême", prix_demande=None, clears_prix_demande=True)
    assert quote.description == "Baptême" and quote.prix_demande is None
    with pytest.raises(Forbidden):
        quote.edit(Role.ADMIN, description="x")
    quote.submit(Role.OWNER, START)
    with pytest.raises(Conflict):
        quote.edit(Role.OWNER, description="trop tard")


# --- field rules -----------------------------------------------------------------------------


def test_work_dates_are_iso():
    with pytest.raises(InvalidInput):
        validate_work_date("01/03/2025")


@given(st.one_of(st.none(), st.text(max_size=5), st.integers(-5, 5)))
def test_optional_prices_never_crash(value):
    try:
        price = validate_optional_price(value, "prix_demande")
    except DomainError:
        return
    assert price is None or not price.is_negative()


def test_required_text():
    with pytest.raises(InvalidInput):
        validate_required_text("   ")
    with pytest.raises(InvalidInput):
        validate_required_text(None)
    assert validate_required_text(" Déco ") == "Déco"
