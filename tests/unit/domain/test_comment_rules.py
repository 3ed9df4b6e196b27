"""Comment text rules and moderation verdicts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chezflora.domain.comment import (
    TEXT_BLANK,
    TEXT_TOO_LONG,
    WORD_TOO_LONG,
    Comment,
    validate_comment_text,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.moderation import Decision, ModerationState, Verdict


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", TEXT_BLANK),
        ("   \n\t ", TEXT_BLANK),
        ("a" * 501, TEXT_TOO_LONG),
        ("mot " + "x" * 51, WORD_TOO_LONG),
    ],
)
def test_bad_texts_are_refused_on_texte(text, message):
    with pytest.raises(InvalidInput) as caught:
        validate_comment_text(text)
    assert caught.value.fields == {"texte": [message]}


@pytest.mark.parametrize("value", [None, 12, ["a"]])
def test_non_strings_are_refused(value):
    with pytest.raises(InvalidInput) as caught:
        validate_comment_text(value)
    assert "texte" in caught.value.fields


def test_limits_are_inclusive():
    assert validate_comment_text("x" * 50) == "x" * 50
    text = " ".join(["y" * 49] * 10)[:500]
    assert validate_comment_text(text) == text.strip()


@given(st.lists(st.text(alphabet="abcdéè", min_size=1, max_size=50), min_size=1, max_size=9))
def test_any_text_of_short_words_within_500_is_kept(words):
    text = " ".join(words)
    assert validate_comment_text(f"  {text} ") == text


def test_verdicts_map_to_states_and_hidden_ones_carry_a_reason():
    assert Verdict.publish().state is ModerationState.PUBLIE
    assert Verdict.reject("insulte").state is ModerationState.MASQUE
    held = Verdict.hold("délai dépassé")
    assert held.state is ModerationState.EN_ATTENTE and "délai dépassé" in (held.reason or "")
    with pytest.raises(ValueError):
        Verdict(Decision.HOLD, "  ")


def test_the_strictest_verdict_wins():
    publish, hold, reject = Verdict.publish(), Verdict.hold("x"), Verdict.reject("y")
    assert publish.strictest(hold) is hold
    assert hold.strictest(reject) is reject
    assert reject.strictest(hold) is reject


def test_an_edit_is_moderated_again_and_admins_show_or_hide():
    now = datetime(2026, 1, 1, tzinfo=UTC)
    comment = Comment.posted(1, 2, "Bonjour", None, Verdict.publish(), now)
    assert comment.is_active
    comment.rewrite("autre", Verdict.hold("erreur du modérateur"))
    assert not comment.is_active and comment.state is ModerationState.EN_ATTENTE
    comment.show()
    assert comment.is_active and comment.ban_reason is None
    comment.hide("spam")
    assert comment.state is ModerationState.MASQUE and comment.ban_reason == "spam"
