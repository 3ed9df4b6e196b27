"""The e-mails of a workshop registration (French templates `atelier_*`), via the outbox."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.workshop import Workshop

CONFIRMED = "atelier_inscription"
WAITING = "atelier_liste_attente"
PROMOTED = "atelier_promotion"
UNREGISTERED = "atelier_desinscription"
CANCELLED = "atelier_annule"
REMINDER = "atelier_rappel"


def notify(
    uow: UnitOfWork,
    user_id: int,
    template: str,
    workshop: Workshop,
    tz: ZoneInfo,
    **extra: object,
) -> None:
    """Queue one e-mail to the user in the current transaction (nothing for erased accounts)."""
    user = uow.users.get(user_id)
    if user is None or user.deleted_at is not None:
        return
    local = workshop.date.astimezone(tz)
    context: dict[str, object] = {
        "username": user.username,
        "atelier_id": workshop.id,
        "atelier": workshop.nom,
        "date": local.strftime("%d/%m/%Y à %H:%M"),
        "duree": workshop.duree,
        "prix": str(workshop.prix.amount),
        **extra,
    }
    uow.outbox.add(OutgoingEmail(user.email, template, context))
