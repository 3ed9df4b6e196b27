"""Wire shapes of workshops (ateliers) and their participants, and parsing of their inputs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

import msgspec

from chezflora.application.workshops import RegistrationOutcome, WorkshopFields
from chezflora.application.workshops.queries import (
    ParticipantView,
    WorkshopStats,
    WorkshopView,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.workshop import RegistrationStatus
from chezflora.entrypoints.http.wire.identity import Body
from chezflora.entrypoints.http.wire.values import number

BAD_DATE = "Date invalide (formats AAAA-MM-JJTHH:MM ou AAAA-MM-JJ attendus)."
BAD_PRICE = "Un prix valide est attendu."
BAD_INTEGER = "Un nombre entier est attendu."
REQUIRED = "Ce champ est obligatoire."
MAX_PRICE = Decimal("99999999.99")

Number = int | float | str


class WorkshopIn(Body):
    """Create and PUT/PATCH (partial). `places_disponibles` and `participants` are derived:
    echoed by the admin form they are ignored, never applied."""

    nom: str | None = None
    description: str | None = None
    date: str | None = None
    duree: Number | None = None
    prix: Number | None = None
    places_totales: Number | None = None
    is_active: bool | str | None = None
    places_disponibles: Any = None
    participants: Any = None
    id: Any = None


class RegisterIn(Body):
    """Optional body of `s_inscrire`: `liste_attente: true` joins the waiting list when full."""

    liste_attente: bool | str = False


class CancelIn(Body):
    raison: str | None = None


class UserBriefOut(msgspec.Struct, kw_only=True):
    id: int
    username: str


class ParticipantOut(msgspec.Struct, kw_only=True):
    id: int
    utilisateur: UserBriefOut
    date_inscription: datetime
    statut: str


class WorkshopOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    titre: str
    description: str
    date: datetime
    duree: int
    prix: float
    places_totales: int
    places_disponibles: int
    is_active: bool
    participants: list[ParticipantOut]
    liste_attente: int
    position_liste_attente: int | None
    date_annulation: datetime | None
    raison_annulation: str | None


class ParticipantRowOut(msgspec.Struct, kw_only=True):
    """`/participants/`: `utilisateur` is the username (a string, the admin page prints it)."""

    id: int
    utilisateur: str
    date_inscription: datetime
    statut: str


class RegisteredOut(msgspec.Struct, kw_only=True):
    status: str
    atelier_id: int
    inscription_id: int
    statut: str
    paiement_id: int | None
    position_liste_attente: int | None


class StatusOut(msgspec.Struct, kw_only=True, omit_defaults=True):
    status: str
    atelier_id: int | None = None
    participants_notifies: int | None = None


class WorkshopCountOut(msgspec.Struct):
    atelier__nom: str
    total: int


class StatsOut(msgspec.Struct, kw_only=True):
    total_ateliers: int
    active_ateliers: int
    total_revenus: float
    inscriptions_by_atelier: list[WorkshopCountOut]


def workshop_out(view: WorkshopView) -> WorkshopOut:
    return WorkshopOut(
        id=view.id,
        nom=view.nom,
        titre=view.nom,
        description=view.description,
        date=view.date,
        duree=view.duree,
        prix=number(view.prix),
        places_totales=view.places_totales,
        places_disponibles=view.places_disponibles,
        is_active=view.is_active,
        participants=[
            ParticipantOut(
                id=p.id,
                utilisateur=UserBriefOut(id=p.user_id, username=p.username),
                date_inscription=p.date_inscription,
                statut=p.statut,
            )
            for p in view.participants
        ],
        liste_attente=view.waiting,
        position_liste_attente=view.position,
        date_annulation=view.date_annulation,
        raison_annulation=view.raison_annulation,
    )


def participant_row_out(view: ParticipantView) -> ParticipantRowOut:
    return ParticipantRowOut(
        id=view.id,
        utilisateur=view.username,
        date_inscription=view.date_inscription,
        statut=view.statut,
    )


def registered_out(workshop_id: int, outcome: RegistrationOutcome) -> RegisteredOut:
    waiting = outcome.status is RegistrationStatus.EN_ATTENTE
    return RegisteredOut(
        status="Inscrit sur la liste d'attente"
        if waiting
        else "Inscription réussie et paiement simulé",
        atelier_id=workshop_id,
        inscription_id=outcome.registration_id,
        statut=outcome.status.value,
        paiement_id=outcome.payment_id,
        position_liste_attente=outcome.position,
    )


def stats_out(stats: WorkshopStats) -> StatsOut:
    return StatsOut(
        total_ateliers=stats.total_ateliers,
        active_ateliers=stats.active_ateliers,
        total_revenus=number(stats.total_revenus),
        inscriptions_by_atelier=[
            WorkshopCountOut(c.nom, c.total) for c in stats.inscriptions_by_atelier
        ],
    )


def fields(data: WorkshopIn, tz: ZoneInfo, *, creating: bool) -> WorkshopFields:
    """Parse the form's strings; on create every field but description/is_active is needed."""
    if creating:
        missing = [
            name
            for name in ("nom", "date", "duree", "prix", "places_totales")
            if getattr(data, name) in (None, "")
        ]
        if missing:
            raise InvalidInput(
                f"Champ obligatoire manquant : {missing[0]}",
                fields={name: [REQUIRED] for name in missing},
            )
    return WorkshopFields(
        nom=data.nom,
        description=data.description,
        date=None if data.date in (None, "") else instant(data.date, tz),
        duree=None if data.duree is None else integer("duree", data.duree),
        prix=None if data.prix is None else price(data.prix),
        places_totales=None
        if data.places_totales is None
        else integer("places_totales", data.places_totales),
        is_active=None if data.is_active is None else flag("is_active", data.is_active),
    )


def instant(value: str | None, tz: ZoneInfo) -> datetime:
    """`YYYY-MM-DDTHH:MM` (shop time unless it names a zone), full ISO, or `YYYY-MM-DD`
    (midnight, shop time: the admin edit form sends the date alone)."""
    text = (value or "").strip()
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time.min, tzinfo=tz).astimezone(UTC)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput.on_field("date", BAD_DATE) from None
    local = parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)
    return local.astimezone(UTC)


def integer(name: str, value: Number) -> int:
    if isinstance(value, bool):
        raise InvalidInput.on_field(name, BAD_INTEGER)
    try:
        number_value = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidInput.on_field(name, BAD_INTEGER) from None
    if not number_value.is_finite() or number_value != number_value.to_integral_value():
        raise InvalidInput.on_field(name, BAD_INTEGER)
    if abs(number_value) > 2**31 - 1:
        raise InvalidInput.on_field(name, BAD_INTEGER)
    return int(number_value)


def price(value: Number) -> Decimal:
    if isinstance(value, bool):
        raise InvalidInput.on_field("prix", BAD_PRICE)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidInput.on_field("prix", BAD_PRICE) from None
    if not amount.is_finite() or abs(amount) > MAX_PRICE:
        raise InvalidInput.on_field("prix", BAD_PRICE)
    return amount


def flag(name: str, value: bool | str) -> bool:
    if isinstance(value, bool):
        return value
    lowered = value.strip().lower()
    if lowered in {"true", "1", "yes", "on"}:
        return True
    if lowered in {"false", "0", "no", "off"}:
        return False
    raise InvalidInput.on_field(name, "Valeur attendue : true ou false.")
