"""Text folding shared by the moderators: case, accents, leetspeak, separators, repeats."""

from __future__ import annotations

import re
import unicodedata

LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a",
     "$": "s", "!": "i", "€": "e", "|": "i", "+": "t"}
)  # fmt: skip
_INNER_SEPARATORS = re.compile(r"[.\-_*`~^]+")
# French elision ("d'enculé", "l'idiot") separates words like a space.
_WORD_BREAKS = re.compile(r"[\s'’]+")
_REPEATS = re.compile(r"(.)\1+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_word(word: str) -> str:
    """'C.0.N.N.4.R.D' → 'connard'; accents, leetspeak and in-word separators removed."""
    word = strip_accents(word.casefold()).translate(LEET)
    word = _INNER_SEPARATORS.sub("", word)
    return "".join(c for c in word if c.isalnum())


def squeeze(word: str) -> str:
    """'connnnnard' and 'conard' both become 'conard': repeated letters count once."""
    return _REPEATS.sub(r"\1", word)


def folded_words(text: str) -> list[str]:
    return [w for w in (fold_word(raw) for raw in _WORD_BREAKS.split(text)) if w]
