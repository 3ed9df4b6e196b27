"""Subscription entity: opening, payment state, cancellation, basket changes and the due cycle."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from typing import NamedTuple
from zoneinfo import ZoneInfo

from chezflora.domain.errors import Conflict, InvalidInput
from chezflora.domain.limits import TOO_FAR, latest_date
from chezflora.domain.money import Money
from chezflora.domain.subscription_pricing import price_per_period
from chezflora.domain.subscription_rules import (
    END_BEFORE_START,
    basket_errors,
    require_known,
    validate_new,
)
from chezflora.domain.subscription_schedule import (
    DELIVERY_TIME,
    SubscriptionType,
    at_local_time,
    billing_date,
    local_date,
    local_time_of,
    next_billing_after,
    next_delivery_after,
)

__all__ = [
    "ALREADY_CANCELLED",
    "INACTIVE_OR_EXPIRED",
    "PaymentState",
    "Subscription",
    "SubscriptionLine",
    "SubscriptionType",
    "open_subscription",
    "price_per_period",
    "validate_new",
]

ALREADY_CANCELLED = "Abonnement déjà annulé"
NOTHING_DUE = "Pas de {what} due"
INACTIVE_OR_EXPIRED = "Abonnement inactif ou expiré"

_NextAfter = Callable[[date, SubscriptionType, date], date]


class PaymentState(StrEnum):
    """Wire field `paiement_statut`."""

    NON_PAYE = "non_paye"
    PAYE_MENSUEL = "paye_mensuel"
    PAYE_COMPLET = "paye_complet"


class SubscriptionLine(NamedTuple):
    """One product of the basket delivered each time."""

    product_id: int
    quantity: int


@dataclass(eq=False)
class Subscription:
    """A recurring basket; datetimes are aware UTC, dates are the shop's local calendar dates."""

    id: int
    client_id: int
    type: SubscriptionType
    date_debut: date
    date_fin: date | None
    lines: tuple[SubscriptionLine, ...]
    prix: Money
    paiement_statut: PaymentState = PaymentState.NON_PAYE
    is_active: bool = True
    prochaine_livraison: datetime | None = None
    prochaine_facturation: datetime | None = None

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Subscription):
            return NotImplemented
        return self.id == other.id

    def __hash__(self) -> int:
        return hash(self.id)

    def mark_paid(self) -> None:
        """A completed payment: annuel is paid in full (paye_complet), the others paye_mensuel."""
        annual = self.type is SubscriptionType.ANNUEL
        self.paiement_statut = PaymentState.PAYE_COMPLET if annual else PaymentState.PAYE_MENSUEL

    def cancel(self) -> None:
        """Deactivate; cancelling an inactive subscription is a conflict."""
        if not self.is_active:
            raise Conflict(ALREADY_CANCELLED)
        self.is_active = False

    def serve_next_delivery(self, tz: ZoneInfo) -> date:
        """Serve the scheduled delivery now (job once due, or on demand): its local date.

        Only an active, paid subscription whose next delivery falls within its term delivers.
        """
        scheduled = self.prochaine_livraison
        paid = self.paiement_statut is not PaymentState.NON_PAYE
        if scheduled is None or not (self.is_active and paid):
            raise Conflict(INACTIVE_OR_EXPIRED)
        served = local_date(scheduled, tz)
        if not self._within_term(served):
            raise Conflict(INACTIVE_OR_EXPIRED)
        self.prochaine_livraison = self._following(scheduled, tz, next_delivery_after)
        return served

    def bill_next_period(self, tz: ZoneInfo) -> date:
        """Open the next billing period (job once due, or an admin early): its local start date.

        A new bill starts an unpaid period: `non_paye` until its payment completes, so
        deliveries wait for it. Never date_debut: creation paid the first period.
        """
        scheduled = self.prochaine_facturation
        if scheduled is None or not self.is_active:
            raise Conflict(NOTHING_DUE.format(what="facturation"))
        billed = local_date(scheduled, tz)
        if not self._within_term(billed):
            raise Conflict(NOTHING_DUE.format(what="facturation"))
        self.prochaine_facturation = self._following(scheduled, tz, next_billing_after)
        self.paiement_statut = PaymentState.NON_PAYE
        return billed

    def change_basket(
        self, lines: Sequence[tuple[int, int]], unit_prices: Mapping[int, Money]
    ) -> None:
        """Replace every product line; the price per period follows (base prices)."""
        if line_errors := basket_errors(lines):
            raise InvalidInput(line_errors[0], fields={"produit_quantites": line_errors})
        require_known(lines, unit_prices)
        self.lines = tuple(SubscriptionLine(product_id, qty) for product_id, qty in lines)
        self.prix = price_per_period(self.type, [(unit_prices[p], q) for p, q in lines])

    def change_end(self, date_fin: date | None, today: date) -> None:
        """Move or remove the end; it stays after date_debut and within the horizon. Past the
        end nothing is due."""
        if date_fin is not None and date_fin <= self.date_debut:
            raise InvalidInput.on_field("date_fin", END_BEFORE_START)
        if date_fin is not None and date_fin > latest_date(today):
            raise InvalidInput.on_field("date_fin", TOO_FAR)
        self.date_fin = date_fin

    def is_due_for_delivery(self, now: datetime, tz: ZoneInfo) -> bool:
        """Active, paid, next delivery reached, and that delivery falls on or before date_fin."""
        return self._is_due(self.prochaine_livraison, now, tz)

    def is_due_for_billing(self, now: datetime, tz: ZoneInfo) -> bool:
        """Active, paid, next billing reached, and that billing falls on or before date_fin."""
        return self._is_due(self.prochaine_facturation, now, tz)

    def _is_due(self, scheduled: datetime | None, now: datetime, tz: ZoneInfo) -> bool:
        if now.tzinfo is None:
            raise ValueError("naive datetime: `now` must be timezone-aware")
        if scheduled is None or not self.is_active or self.paiement_statut is PaymentState.NON_PAYE:
            return False
        # The scheduled date, not today, decides the term: a late job still serves what was owed.
        return scheduled <= now and self._within_term(local_date(scheduled, tz))

    def _within_term(self, day: date) -> bool:
        return self.date_fin is None or day <= self.date_fin

    def _following(self, served: datetime, tz: ZoneInfo, next_after: _NextAfter) -> datetime | None:
        # Counted from the anchor date_debut, so month-end clamping never drifts.
        day = next_after(self.date_debut, self.type, local_date(served, tz))
        if not self._within_term(day):
            return None
        return at_local_time(day, tz, local_time_of(served, tz))


def open_subscription(
    *,
    id: int,
    client_id: int,
    kind: SubscriptionType,
    date_debut: date,
    date_fin: date | None,
    lines: Sequence[tuple[int, int]],
    unit_prices: Mapping[int, Money],
    now: datetime,
    tz: ZoneInfo,
    at: time = DELIVERY_TIME,
) -> Subscription:
    """A new, unpaid subscription: first delivery on date_debut, first billing one period later."""
    validate_new(date_debut, date_fin, local_date(now, tz), lines)
    require_known(lines, unit_prices)
    first_bill = billing_date(date_debut, kind, 1)
    billable = date_fin is None or first_bill <= date_fin
    return Subscription(
        id=id,
        client_id=client_id,
        type=kind,
        date_debut=date_debut,
        date_fin=date_fin,
        lines=tuple(SubscriptionLine(product_id, quantity) for product_id, quantity in lines),
        prix=price_per_period(kind, [(unit_prices[p], q) for p, q in lines]),
        prochaine_livraison=at_local_time(date_debut, tz, at),
        prochaine_facturation=at_local_time(first_bill, tz, at) if billable else None,
    )
