"""Moderators combined, and the fail-closed guard every moderator runs behind."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from chezflora.application.blog.ports import Moderator
from chezflora.domain.moderation import Decision, Verdict

log = logging.getLogger(__name__)
MODERATOR_FAILED = "le service de modération n'a pas pu se prononcer"


class FailClosed:
    """Whatever goes wrong inside the moderator, the comment is held, never published."""

    def __init__(self, inner: Moderator) -> None:
        self._inner = inner

    def review(self, text: str) -> Verdict:
        try:
            verdict = self._inner.review(text)
        except Exception:
            log.exception("moderator failed; the comment is held for review")
            return Verdict.hold(MODERATOR_FAILED)
        if not isinstance(verdict, Verdict):
            return Verdict.hold(MODERATOR_FAILED)
        return verdict


class Strictest:
    """Ask each moderator in turn (cheap local rules first); a rejection stops early."""

    def __init__(self, moderators: Sequence[Moderator]) -> None:
        self._moderators = [FailClosed(m) for m in moderators]

    def review(self, text: str) -> Verdict:
        verdict = Verdict.publish()
        for moderator in self._moderators:
            verdict = verdict.strictest(moderator.review(text))
            if verdict.decision is Decision.REJECT:
                break
        return verdict
