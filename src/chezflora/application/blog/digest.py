"""The admins' digest of comments held for review: at most one e-mail per hour."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from chezflora.application.blog import notices
from chezflora.application.blog.ports import BlogUnitOfWorkFactory
from chezflora.application.ports import Clock

DIGEST_INTERVAL = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class DigestReport:
    held: int
    emails: int
    skipped: str | None = None


class SendHeldCommentsDigest:
    """Every active admin gets one e-mail listing the comments held since the last digest;
    nothing is sent when none are new, or when the last digest is less than an hour old."""

    def __init__(self, uow: BlogUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self) -> DigestReport:
        now = self._clock.now()
        with self._uow() as uow:
            last = uow.review_digests.last()
            if last is not None and now - last[0] < DIGEST_INTERVAL:
                return DigestReport(0, 0, "dernier envoi il y a moins d'une heure")
            held = uow.comments.held_unnotified()
            if not held:
                return DigestReport(0, 0, "aucun commentaire en attente")
            admins = [a for a in uow.users.admins() if a.is_active and not a.is_banned]
            for email in notices.held_for_review(admins, held):
                uow.outbox.add(email)
            uow.comments.mark_notified([c.id for c in held])
            uow.review_digests.record(now, max(c.id for c in held), len(held))
            uow.commit()
        return DigestReport(len(held), len(admins))
