"""The default moderator: local, deterministic rules (insults, link spam, shouting, repeats)."""

from __future__ import annotations

import re

from chezflora.adapters.moderation.wordlists import WordList
from chezflora.domain.moderation import Verdict

INSULT_LISTS = ("insults_fr.txt", "insults_en.txt")
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|info|biz|ru|xyz|top|click|io|cm|fr)\b",
    re.IGNORECASE,
)
_REPEATED = re.compile(r"(\S)\1{5,}")  # the same character six times or more
MAX_LINKS = 1
SHOUTING_MIN_LETTERS = 12
SHOUTING_RATIO = 0.7

INSULT = "Langage injurieux ou grossier"
LINK_SPAM = "Trop de liens (spam)"
SHOUTING = "Message écrit en majuscules"
REPEATS = "Caractères répétés à l'excès"


class LocalModerator:
    def __init__(self, insults: WordList | None = None) -> None:
        self._insults = insults or WordList.load(*INSULT_LISTS)

    def review(self, text: str) -> Verdict:
        if self._insults.find(text) is not None:
            return Verdict.reject(INSULT)
        if len(_LINK.findall(text)) > MAX_LINKS:
            return Verdict.reject(LINK_SPAM)
        if _is_shouting(text):
            return Verdict.reject(SHOUTING)
        if _REPEATED.search(text):
            return Verdict.reject(REPEATS)
        return Verdict.publish()


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < SHOUTING_MIN_LETTERS:
        return False
    return sum(c.isupper() for c in letters) / len(letters) > SHOUTING_RATIO
