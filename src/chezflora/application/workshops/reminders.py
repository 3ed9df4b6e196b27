"""The `workshop-reminders` job: the day before, each seat holder is reminded, once."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from chezflora.application.ports import Clock
from chezflora.application.workshops import notices
from chezflora.application.workshops.ports import WorkshopUnitOfWorkFactory


def reminder_horizon(now: datetime, tz: ZoneInfo) -> datetime:
    """The end of tomorrow in the shop's time zone: workshops up to then are reminded today."""
    tomorrow = now.astimezone(tz).date() + timedelta(days=1)
    return datetime.combine(tomorrow, time.max, tzinfo=tz)


class SendWorkshopReminders:
    """E-mail every seat holder of an active workshop taking place tomorrow (or later today,
    when the job ran late); a registration is reminded at most once, however often it runs."""

    def __init__(self, uow: WorkshopUnitOfWorkFactory, clock: Clock, tz: ZoneInfo) -> None:
        self._uow, self._clock, self._tz = uow, clock, tz

    def __call__(self) -> dict[str, int]:
        now = self._clock.now()
        sent = 0
        with self._uow() as uow:
            due = uow.registrations.due_reminders(now, reminder_horizon(now, self._tz))
            for registration, workshop in due:
                assert registration.id is not None
                if uow.registrations.mark_reminded(registration.id, now):
                    notices.notify(uow, registration.user_id, notices.REMINDER, workshop, self._tz)
                    sent += 1
            uow.commit()
        return {"rappels_envoyes": sent}
