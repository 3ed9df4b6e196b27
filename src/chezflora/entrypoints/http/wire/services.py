"""Wire shapes of services, réalisations and quotes (devis); money as JSON numbers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec

from chezflora.application.catalogue.commands import given_or
from chezflora.application.services.commands import (
    NewRealisation,
    NewService,
    RealisationChanges,
    ServiceChanges,
)
from chezflora.application.services.queries import (
    QuoteStats,
    QuoteView,
    RealisationStats,
    RealisationView,
    ServiceBriefView,
    ServiceView,
)
from chezflora.domain.catalogue_fields import validate_flag, validate_id, validate_name
from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.service import validate_text, validate_work_date
from chezflora.entrypoints.http.wire.catalogue import PhotoOut, photo_out
from chezflora.entrypoints.http.wire.fields import FieldReader, checked, named_fields
from chezflora.entrypoints.http.wire.identity import Body
from chezflora.entrypoints.http.wire.values import number, present

NOT_WRITABLE = "Champ non modifiable."


class ServiceOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    description: str
    photos: list[PhotoOut]
    realisations: list[int]
    is_active: bool
    date_creation: datetime


class ServiceBriefOut(msgspec.Struct, kw_only=True):
    id: int
    nom: str
    description: str
    is_active: bool
    date_creation: datetime


class AuthorOut(msgspec.Struct, kw_only=True):
    id: int
    username: str


class RealisationOut(msgspec.Struct, kw_only=True):
    id: int
    service: ServiceBriefOut
    titre: str
    description: str
    photos: list[PhotoOut]
    date: datetime
    admin: AuthorOut | None
    is_active: bool
    date_creation: datetime


class QuoteOut(msgspec.Struct, kw_only=True):
    id: int
    client: int
    client_username: str
    service: ServiceBriefOut
    description: str
    date_creation: datetime
    date_soumission: datetime | None
    date_expiration: datetime | None
    statut: str
    prix_demande: float | None
    prix_propose: float | None
    commentaire_admin: str | None
    date_mise_a_jour: datetime
    is_active: bool
    commande_id: int | None


class QuoteActionOut(QuoteOut, kw_only=True):
    """An action's answer: the original's `status` message and `devis_id`, plus the quote."""

    status: str
    devis_id: int


def service_out(view: ServiceView) -> ServiceOut:
    return ServiceOut(
        id=view.id,
        nom=view.nom,
        description=view.description,
        photos=[photo_out(p) for p in view.photos],
        realisations=list(view.realisations),
        is_active=view.is_active,
        date_creation=view.date_creation,
    )


def _brief(view: ServiceBriefView) -> ServiceBriefOut:
    return ServiceBriefOut(
        id=view.id,
        nom=view.nom,
        description=view.description,
        is_active=view.is_active,
        date_creation=view.date_creation,
    )


def realisation_out(view: RealisationView) -> RealisationOut:
    return RealisationOut(
        id=view.id,
        service=_brief(view.service),
        titre=view.titre,
        description=view.description,
        photos=[photo_out(p) for p in view.photos],
        date=view.date,
        admin=None
        if view.admin is None
        else AuthorOut(id=view.admin.id, username=view.admin.username),
        is_active=view.is_active,
        date_creation=view.date_creation,
    )


def _number(money: Money | None) -> float | None:
    return None if money is None else number(money)


def _quote_fields(view: QuoteView) -> dict[str, Any]:
    return {
        "id": view.id,
        "client": view.client_id,
        "client_username": view.client_username,
        "service": _brief(view.service),
        "description": view.description,
        "date_creation": view.date_creation,
        "date_soumission": view.date_soumission,
        "date_expiration": view.date_expiration,
        "statut": view.statut,
        "prix_demande": _number(view.prix_demande),
        "prix_propose": _number(view.prix_propose),
        "commentaire_admin": view.commentaire_admin,
        "date_mise_a_jour": view.date_mise_a_jour,
        "is_active": view.is_active,
        "commande_id": view.commande_id,
    }


def quote_out(view: QuoteView) -> QuoteOut:
    return QuoteOut(**_quote_fields(view))


def quote_action_out(view: QuoteView, status: str) -> QuoteActionOut:
    return QuoteActionOut(**_quote_fields(view), status=status, devis_id=view.id)


def realisation_stats_out(stats: RealisationStats) -> dict[str, Any]:
    return {
        "total_realisations": stats.total_realisations,
        "active_realisations": stats.active_realisations,
        "realisations_by_service": [
            {"service__nom": s.name, "total": s.total} for s in stats.realisations_by_service
        ],
        "recent_realisations": stats.recent_realisations,
    }


def quote_stats_out(stats: QuoteStats) -> dict[str, Any]:
    return {
        "total_devis": stats.total_devis,
        "devis_par_statut": [{"statut": s.name, "count": s.total} for s in stats.devis_par_statut],
        "moyenne_prix_propose": number(stats.moyenne_prix_propose),
    }


# --- request bodies: every key optional here, the use cases decide what is required --------


class ServiceIn(Body):
    nom: Any = msgspec.UNSET
    description: Any = msgspec.UNSET
    is_active: Any = msgspec.UNSET


class RealisationIn(Body):
    service_id: Any = msgspec.UNSET
    titre: Any = msgspec.UNSET
    description: Any = msgspec.UNSET
    date: Any = msgspec.UNSET
    is_active: Any = msgspec.UNSET


def new_service(body: ServiceIn) -> NewService:
    sent = named_fields(body, validate_text, creating=True)
    return NewService(
        name=checked(sent.name),
        description=checked(sent.description),
        is_active=given_or(sent.is_active, True),
    )


def service_changes(body: ServiceIn) -> ServiceChanges:
    sent = named_fields(body, validate_text, creating=False)
    return ServiceChanges(name=sent.name, description=sent.description, is_active=sent.is_active)


def _service_id(value: object) -> int:
    return validate_id(value, "service_id")


def _title(value: object) -> str:
    return validate_name(value, "titre")


def new_realisation(body: RealisationIn) -> NewRealisation:
    fields = FieldReader(present(body))
    service_id = fields.required("service_id", _service_id)
    title = fields.required("titre", _title)
    description = fields.required("description", validate_text)
    date = fields.required("date", validate_work_date)
    fields.raise_errors()
    is_active = fields.optional("is_active", validate_flag, null_is_absent=True)
    fields.raise_errors()
    return NewRealisation(
        service_id=checked(service_id),
        title=checked(title),
        date=checked(date),
        description=checked(description),
        is_active=given_or(is_active, True),
    )


def realisation_changes(body: RealisationIn) -> RealisationChanges:
    fields = FieldReader(present(body))
    service_id = fields.optional("service_id", _service_id)
    title = fields.optional("titre", _title)
    description = fields.optional("description", validate_text)
    date = fields.optional("date", validate_work_date)
    fields.raise_errors()
    is_active = fields.optional("is_active", validate_flag, null_is_absent=True)
    fields.raise_errors()
    return RealisationChanges(
        service_id=service_id, title=title, date=date, description=description, is_active=is_active
    )


class QuoteIn(Body):
    """The client's request; the listed shop-side fields are refused (400), never applied."""

    service_id: Any = msgspec.UNSET
    description: Any = msgspec.UNSET
    prix_demande: Any = msgspec.UNSET
    is_active: Any = msgspec.UNSET
    statut: Any = msgspec.UNSET
    prix_propose: Any = msgspec.UNSET
    commentaire_admin: Any = msgspec.UNSET
    client: Any = msgspec.UNSET
    client_id: Any = msgspec.UNSET
    date_soumission: Any = msgspec.UNSET
    date_expiration: Any = msgspec.UNSET


SHOP_FIELDS = (
    "statut",
    "prix_propose",
    "commentaire_admin",
    "client",
    "client_id",
    "date_soumission",
    "date_expiration",
)


def refuse_shop_fields(body: QuoteIn, *, allow_is_active: bool) -> None:
    """Status, price, comment, client and dates move only through the actions (decisions §5)."""
    names = [*SHOP_FIELDS] if allow_is_active else [*SHOP_FIELDS, "is_active"]
    sent = [name for name in names if getattr(body, name) is not msgspec.UNSET]
    if sent:
        message = f"Vous ne pouvez pas modifier le champ {sent[0]}"
        raise InvalidInput(message, fields={name: [NOT_WRITABLE] for name in sent})


class AnswerIn(Body):
    statut: Any = msgspec.UNSET
    prix_propose: Any = msgspec.UNSET
    commentaire_admin: Any = msgspec.UNSET


class EmptyIn(Body):
    """Actions take `{}` (the client sends nothing else)."""
