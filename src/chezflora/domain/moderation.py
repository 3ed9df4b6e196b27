"""Moderation verdicts: what a moderator decides about a text, and what it does to a comment."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ModerationState(StrEnum):
    """Where a comment stands: published, hidden (a verdict or an admin), or awaiting review."""

    PUBLIE = "publie"
    MASQUE = "masque"
    EN_ATTENTE = "en_attente"


class Decision(StrEnum):
    PUBLISH = "publish"
    REJECT = "reject"
    HOLD = "hold"


REASON_MAX_LENGTH = 255
HELD_PREFIX = "En attente de modération"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A moderator's answer. `reason` is required unless the text is published.

    HOLD is what every failure becomes (timeout, error, unreadable answer, suspected
    injection): the comment stays hidden until an admin looks at it (fail closed).
    """

    decision: Decision
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.decision is not Decision.PUBLISH and not (self.reason or "").strip():
            raise ValueError("a hidden comment needs a reason")

    @classmethod
    def publish(cls) -> Verdict:
        return cls(Decision.PUBLISH)

    @classmethod
    def reject(cls, reason: str) -> Verdict:
        return cls(Decision.REJECT, _short(reason))

    @classmethod
    def hold(cls, reason: str) -> Verdict:
        return cls(Decision.HOLD, _short(f"{HELD_PREFIX} : {reason}"))

    @property
    def state(self) -> ModerationState:
        return {
            Decision.PUBLISH: ModerationState.PUBLIE,
            Decision.REJECT: ModerationState.MASQUE,
            Decision.HOLD: ModerationState.EN_ATTENTE,
        }[self.decision]

    @property
    def visible(self) -> bool:
        return self.decision is Decision.PUBLISH

    def strictest(self, other: Verdict) -> Verdict:
        """Combining two moderators: a rejection beats a hold, which beats publishing."""
        rank = {Decision.PUBLISH: 0, Decision.HOLD: 1, Decision.REJECT: 2}
        return other if rank[other.decision] > rank[self.decision] else self


def _short(reason: str) -> str:
    reason = " ".join(reason.split())
    return reason[: REASON_MAX_LENGTH - 1] + "…" if len(reason) > REASON_MAX_LENGTH else reason
