"""Delivering one committed outbox e-mail: send it, then mark it sent.

The `deliver_email` worker actor and the inline dispatcher (adapters/email/dispatch.py) both
call `deliver_or_raise`; the actor lets the broker's retries back off on failure.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from chezflora.application.ports import Clock, EmailSender, OutgoingEmail


class PendingEmails(Protocol):
    def pending(self, email_id: int) -> OutgoingEmail | None: ...

    def mark_sent(self, email_id: int, now: datetime) -> None: ...

    def mark_failed(self, email_id: int, error: str) -> None: ...


def deliver_or_raise(
    store: PendingEmails, sender: EmailSender, clock: Clock, email_id: int
) -> bool:
    """Send a pending e-mail, then mark it sent; False when there was nothing left to send.

    Marking after sending means a crash in between may send twice, but never loses a message.
    A failure is recorded on the row and re-raised for the caller's retry policy.
    """
    email = store.pending(email_id)
    if email is None:
        return False
    try:
        sender.send(email)
    except Exception as exc:
        store.mark_failed(email_id, repr(exc))
        raise
    store.mark_sent(email_id, clock.now())
    return True
