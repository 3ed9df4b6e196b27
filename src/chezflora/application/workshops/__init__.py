"""Workshop (atelier) use cases and jobs, grouped for the composition root.

Decisions (beyond decisions.md §5):
- Seats: `places_prises` moves only through conditional UPDATEs (`… WHERE places_prises <
  places_totales`), which also lock the workshop row; `places_disponibles` is derived. One
  registration per (workshop, user) is a unique key.
- Registration statuses: `inscrit` (seat held, payment pending), `confirme` (its payment
  completed with `simuler`), `en_attente` (waiting list), `annule` (workshop cancelled).
- Every seat has its own `simule` payment of `prix`, paid by the registered user and linked to
  the registration (`payments.inscription_id`): leaving, a refund or a cancellation settles
  THAT payment only (effectue → rembourse, simule → echec).
- Waiting list: `s_inscrire` with `{"liste_attente": true}` on a full workshop joins a FIFO
  list (409 without it). A freed seat (someone leaves, a refund, more seats) goes at once, in
  the same transaction, to the oldest entry: seat, payment and e-mail. Leaving the list is
  `desinscription` too. The representation shows the caller's rank (`position_liste_attente`)
  and the list's length (`liste_attente`).
- Leaving is refused once the workshop has started (409); `rembourser` by an admin still frees
  the seat. Admins cannot register (403, clients only).
- Cancelling keeps the registrations as `annule` (history); a re-opened workshop accepts the
  same users again. DELETE settles the seat payments, then removes everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from chezflora.application.ports import Clock
from chezflora.application.workshops.admin import (
    CancelWorkshop,
    CreateWorkshop,
    DeleteWorkshop,
    UpdateWorkshop,
    WorkshopFields,
)
from chezflora.application.workshops.payments import WorkshopPaymentHook
from chezflora.application.workshops.ports import WorkshopUnitOfWorkFactory
from chezflora.application.workshops.queries import WorkshopQueries
from chezflora.application.workshops.registration import (
    RegisterForWorkshop,
    RegistrationOutcome,
    UnregisterFromWorkshop,
)
from chezflora.application.workshops.reminders import SendWorkshopReminders

__all__ = ["RegistrationOutcome", "WorkshopFields", "WorkshopsModule"]


@dataclass(frozen=True)
class WorkshopsModule:
    create: CreateWorkshop
    update: UpdateWorkshop
    delete: DeleteWorkshop
    cancel: CancelWorkshop
    register: RegisterForWorkshop
    unregister: UnregisterFromWorkshop
    send_reminders: SendWorkshopReminders
    payment_hook: WorkshopPaymentHook
    queries: WorkshopQueries
    tz: ZoneInfo

    @classmethod
    def build(
        cls,
        uow: WorkshopUnitOfWorkFactory,
        clock: Clock,
        tz: ZoneInfo,
        queries: WorkshopQueries,
    ) -> WorkshopsModule:
        return cls(
            create=CreateWorkshop(uow, clock),
            update=UpdateWorkshop(uow, clock, tz),
            delete=DeleteWorkshop(uow, clock),
            cancel=CancelWorkshop(uow, clock, tz),
            register=RegisterForWorkshop(uow, clock, tz),
            unregister=UnregisterFromWorkshop(uow, clock, tz),
            send_reminders=SendWorkshopReminders(uow, clock, tz),
            payment_hook=WorkshopPaymentHook(tz),
            queries=queries,
            tz=tz,
        )
