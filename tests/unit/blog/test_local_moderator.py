"""The default local moderator: insults (folded), link spam, shouting, repeated characters."""

from __future__ import annotations

import pytest

from chezflora.adapters.moderation.local import (
    INSULT,
    LINK_SPAM,
    REPEATS,
    SHOUTING,
    LocalModerator,
)
from chezflora.domain.moderation import Decision

MODERATOR = LocalModerator()


@pytest.mark.parametrize(
    "text",
    [
        "Super article, merci pour les conseils !",
        "Le conseil sur les roses est bon",  # 'con' inside a word is fine
        "As well as the assessment, thanks",  # 'ass' inside words is fine
        "Voir https://chezflora.cm/blog pour la suite",  # one link
        "OK",
        "Bravo !!!",
    ],
)
def test_clean_texts_are_published(text):
    assert MODERATOR.review(text).decision is Decision.PUBLISH


@pytest.mark.parametrize(
    "text",
    [
        "Quel connard",
        "QUEL C0NNARD",  # leetspeak
        "quel connnnnard",  # repeated letters
        "c o n n a r d",  # spelled out
        "c.o.n.n.a.r.d",  # separators
        "Espèce d'enculé",
        "espece d'encule",  # accents folded both ways
        "ferme ta gueule",  # a phrase
        "f*ck this, fuuuck",
        "you are a m0r0n",
        "$alope",
    ],
)
def test_insults_are_rejected_however_they_are_written(text):
    verdict = MODERATOR.review(text)
    assert verdict.decision is Decision.REJECT and verdict.reason == INSULT


def test_link_spam_shouting_and_repeats_are_rejected():
    assert MODERATOR.review("http://a.ru http://b.ru promo").reason == LINK_SPAM
    assert MODERATOR.review("www.casino.xyz et gagnez.com").reason == LINK_SPAM
    assert MODERATOR.review("CE BOUQUET EST ARRIVE FANE").reason == SHOUTING
    assert MODERATOR.review("Génialllllllll").reason == REPEATS
