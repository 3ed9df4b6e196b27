"""Workshops (ateliers): seats, registrations, the waiting list and the dates they obey.

A workshop has `places_totales` seats; `seats_taken` counts the registrations holding one
(`inscrit`, or `confirme` once paid). `places_disponibles` is derived, never written.
A client on the waiting list (`en_attente`) holds no seat; the first of them (oldest
registration id) takes the next freed seat. Cancelled registrations (`annule`) hold nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from chezflora.domain.errors import Conflict, InvalidInput
from chezflora.domain.money import Money

FULL = "Plus de places disponibles."
ALREADY_REGISTERED = "Vous êtes déjà inscrit à cet atelier."
ALREADY_WAITING = "Vous êtes déjà sur la liste d'attente de cet atelier."
NOT_REGISTERED = "Vous n’êtes pas inscrit à cet atelier."
CLIENTS_ONLY = "Seuls les clients peuvent s’inscrire."
NOT_OPEN = "Cet atelier n'est pas ouvert aux inscriptions."
PAST = "Cet atelier a déjà eu lieu."
ALREADY_CANCELLED = "Atelier déjà annulé."
REASON_REQUIRED = "Raison de l’annulation requise"
TOTAL_NOT_POSITIVE = "Le nombre de places totales doit être positif."
DURATION_NOT_POSITIVE = "La durée doit être positive."
PRICE_NEGATIVE = "Le prix ne peut pas être négatif."
NAME_REQUIRED = "Le nom est obligatoire."
BELOW_TAKEN = "Impossible de réduire à {total} places : {taken} participants sont inscrits."


class RegistrationStatus(StrEnum):
    """Wire `statut` of a participant."""

    INSCRIT = "inscrit"
    CONFIRME = "confirme"
    EN_ATTENTE = "en_attente"
    ANNULE = "annule"

    @property
    def holds_seat(self) -> bool:
        return self in (RegistrationStatus.INSCRIT, RegistrationStatus.CONFIRME)


@dataclass(eq=False, kw_only=True)
class Workshop:
    id: int
    nom: str
    description: str
    date: datetime
    duree: int
    prix: Money
    places_totales: int
    seats_taken: int = 0
    is_active: bool = True
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None

    @property
    def places_disponibles(self) -> int:
        return max(self.places_totales - self.seats_taken, 0)

    def ensure_open(self, now: datetime) -> None:
        """Registration (seat or waiting list) needs an active workshop still to come."""
        if not self.is_active:
            raise Conflict(NOT_OPEN)
        if self.date <= now:
            raise Conflict(PAST)

    def ensure_not_started(self, now: datetime) -> None:
        """Leaving is possible until the workshop starts."""
        if self.date <= now:
            raise Conflict(PAST)

    def resize(self, places_totales: int) -> int:
        """New total; never below the seats taken (400 on the field). Returns seats freed."""
        check_total(places_totales)
        if places_totales < self.seats_taken:
            message = BELOW_TAKEN.format(total=places_totales, taken=self.seats_taken)
            raise InvalidInput.on_field("places_totales", message)
        freed = max(places_totales - max(self.places_totales, self.seats_taken), 0)
        self.places_totales = places_totales
        return freed

    def cancel(self, reason: str, now: datetime) -> None:
        """Admin cancel: a reason is required; a cancelled workshop cannot be cancelled again."""
        reason = reason.strip()
        if not reason:
            raise InvalidInput.on_field("raison", REASON_REQUIRED)
        if self.cancelled_at is not None:
            raise Conflict(ALREADY_CANCELLED)
        self.is_active = False
        self.cancelled_at = now
        self.cancel_reason = reason
        self.seats_taken = 0


def check_total(places_totales: int) -> None:
    if places_totales < 0:
        raise InvalidInput.on_field("places_totales", TOTAL_NOT_POSITIVE)


def check_fields(nom: str, duree: int, prix: Money, places_totales: int) -> None:
    """Field rules of create and update (400 naming the field)."""
    if not nom.strip():
        raise InvalidInput.on_field("nom", NAME_REQUIRED)
    if duree <= 0:
        raise InvalidInput.on_field("duree", DURATION_NOT_POSITIVE)
    if prix.amount < 0:
        raise InvalidInput.on_field("prix", PRICE_NEGATIVE)
    check_total(places_totales)


@dataclass(eq=False, kw_only=True)
class Registration:
    """One user's place at one workshop: a seat (inscrit/confirme) or a waiting-list entry."""

    id: int | None = None
    workshop_id: int
    user_id: int
    status: RegistrationStatus
    registered_at: datetime
