"""Word and phrase lists shipped as data files, folded once, matched against folded text."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from chezflora.adapters.moderation.folding import fold_word, folded_words, squeeze

# Squeezing repeats ("fuuuck") is only trusted on long entries: "ass" squeezed is "as".
MIN_SQUEEZED_LENGTH = 4
SPELLED_OUT_RUN = 3  # "c o n n a r d": runs of single letters are read as one word


@dataclass(frozen=True)
class WordList:
    words: frozenset[str]
    squeezed: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]

    @classmethod
    def load(cls, *names: str) -> WordList:
        words: set[str] = set()
        phrases: list[tuple[str, ...]] = []
        for name in names:
            text = resources.files(__package__).joinpath("data", name).read_text("utf-8")
            for line in text.splitlines():
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                folded = tuple(fold_word(w) for w in line.split())
                if len(folded) == 1:
                    words.add(folded[0])
                else:
                    phrases.append(folded)
        squeezed = {squeeze(w) for w in words if len(squeeze(w)) >= MIN_SQUEEZED_LENGTH}
        return cls(frozenset(words), frozenset(squeezed), tuple(phrases))

    def find(self, text: str) -> str | None:
        """The first listed word or phrase the text contains, folded; None when clean."""
        tokens = _with_spelled_out(folded_words(text))
        for token in tokens:
            if token in self.words or squeeze(token) in self.squeezed:
                return token
        joined = f" {' '.join(tokens)} "
        squeezed = f" {' '.join(squeeze(t) for t in tokens)} "
        for phrase in self.phrases:
            if f" {' '.join(phrase)} " in joined:
                return " ".join(phrase)
            if f" {' '.join(squeeze(p) for p in phrase)} " in squeezed:
                return " ".join(phrase)
        return None


def _with_spelled_out(tokens: list[str]) -> list[str]:
    out, run = list(tokens), []
    for token in [*tokens, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) >= SPELLED_OUT_RUN:
            out.append("".join(run))
        run = []
    return out
