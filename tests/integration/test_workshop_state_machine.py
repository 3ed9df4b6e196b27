"""Hypothesis state machine over register / leave / pay / refund / resize / cancel, run on the
real use cases and database, against a plain model of seats and a FIFO waiting list.

After every step: seats taken == the model's seat holders ≤ places_totales, the waiting list
is in arrival order, and no registration ever has more than one payment (nobody promoted
twice)."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from chezflora.domain.errors import Conflict, InvalidInput
from tests.integration.rows import add_shopper
from tests.integration.workshop_rows import (
    add_workshop,
    registrations_of,
    seat_payments,
    workshop_row,
)

USERS = 5


def test_seats_and_waiting_list_follow_the_model(container, engine, database_url):
    if not database_url.startswith("sqlite"):
        pytest.skip("the model check runs once; MariaDB races are in test_workshop_concurrency")
    viewers = [add_shopper(container, f"model{i}")[0] for i in range(USERS)]
    workshops = container.workshops
    people = st.integers(min_value=0, max_value=USERS - 1)

    class Workshop(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.total = 2
            self.id = add_workshop(engine, container.clock.now(), seats=self.total)
            self.seats: list[int] = []
            self.waiting: list[int] = []
            self.cancelled = False

        def _promote(self) -> None:
            while self.waiting and len(self.seats) < self.total and not self.cancelled:
                self.seats.append(self.waiting.pop(0))

        @rule(who=people, wait=st.booleans())
        def register(self, who: int, wait: bool) -> None:
            taken = who in self.seats or who in self.waiting
            full = len(self.seats) >= self.total
            if self.cancelled or taken or (full and not wait):
                with pytest.raises(Conflict):
                    workshops.register(viewers[who], self.id, waiting_list=wait)
                return
            workshops.register(viewers[who], self.id, waiting_list=wait)
            (self.waiting if full else self.seats).append(who)

        @rule(who=people)
        def leave(self, who: int) -> None:
            if who not in self.seats and who not in self.waiting:
                with pytest.raises(Conflict):
                    workshops.unregister(viewers[who], self.id)
                return
            workshops.unregister(viewers[who], self.id)
            if who in self.seats:
                self.seats.remove(who)
                self._promote()
            else:
                self.waiting.remove(who)

        @rule(who=people, refund=st.booleans())
        def pay_or_refund(self, who: int, refund: bool) -> None:
            if who not in self.seats:
                return
            user_id = viewers[who].user_id
            live = [
                p
                for p in seat_payments(engine, self.id)
                if p.utilisateur_id == user_id and p.statut in ("simule", "effectue")
            ]
            assert len(live) == 1
            if refund:
                container.shopping.refund_payment(live[0].id)
                self.seats.remove(who)
                self._promote()
            elif live[0].statut == "simule":
                container.shopping.simulate_payment(viewers[who], live[0].id)

        @rule(total=st.integers(min_value=0, max_value=4))
        def resize(self, total: int) -> None:
            if self.cancelled:
                return
            if total < len(self.seats):
                with pytest.raises(InvalidInput):
                    workshops.update(self.id, _seats(total))
                return
            workshops.update(self.id, _seats(total))
            self.total = total
            self._promote()

        @rule()
        def cancel(self) -> None:
            if self.cancelled:
                with pytest.raises(Conflict):
                    workshops.cancel(self.id, "Orage")
                return
            workshops.cancel(self.id, "Orage")
            self.cancelled, self.seats, self.waiting = True, [], []

        @invariant()
        def matches_the_model(self) -> None:
            row = workshop_row(engine, self.id)
            assert row.places_prises == len(self.seats) <= row.places_totales
            rows = registrations_of(engine, self.id)
            user_ids = [v.user_id for v in viewers]
            seated = {r.utilisateur_id for r in rows if r.statut in ("inscrit", "confirme")}
            assert seated == {user_ids[i] for i in self.seats}
            waiting = [r.utilisateur_id for r in rows if r.statut == "en_attente"]
            assert waiting == [user_ids[i] for i in self.waiting]  # FIFO kept

        @invariant()
        def one_payment_per_registration(self) -> None:
            per_registration = Counter(p.inscription_id for p in seat_payments(engine, self.id))
            assert all(n == 1 for n in per_registration.values())

    run_state_machine_as_test(
        Workshop, settings=settings(max_examples=40, stateful_step_count=20, deadline=None)
    )


def _seats(total: int):
    from chezflora.application.workshops import WorkshopFields

    return WorkshopFields(places_totales=total)
