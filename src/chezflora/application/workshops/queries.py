"""Read side of workshops: lists, detail, participants, statistics, as plain views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.money import Money


@dataclass(frozen=True, slots=True)
class ParticipantView:
    id: int
    user_id: int
    username: str
    date_inscription: datetime
    statut: str


@dataclass(frozen=True, slots=True)
class WorkshopView:
    id: int
    nom: str
    description: str
    date: datetime
    duree: int
    prix: Money
    places_totales: int
    places_prises: int
    is_active: bool
    date_annulation: datetime | None
    raison_annulation: str | None
    participants: tuple[ParticipantView, ...]
    waiting: int
    position: int | None

    @property
    def places_disponibles(self) -> int:
        return max(self.places_totales - self.places_prises, 0)


@dataclass(frozen=True, slots=True)
class WorkshopScope:
    """Who reads: admins see every workshop and every seat holder; others active workshops
    and, in `participants`, only their own registration (nobody's when anonymous)."""

    viewer_id: int | None = None
    is_admin: bool = False


@dataclass(frozen=True, slots=True)
class WorkshopCount:
    nom: str
    total: int


@dataclass(frozen=True, slots=True)
class WorkshopStats:
    total_ateliers: int
    active_ateliers: int
    total_revenus: Money
    inscriptions_by_atelier: tuple[WorkshopCount, ...]


@dataclass(frozen=True, slots=True)
class WorkshopFigures:
    """The dashboard's `ateliers` block."""

    total: int
    active: int
    cancelled: int
    total_participants: int


class WorkshopQueries(Protocol):
    def find(
        self, scope: WorkshopScope, options: ListOptions, page: PageRequest
    ) -> Page[WorkshopView]: ...
    def get(self, workshop_id: int, scope: WorkshopScope) -> WorkshopView | None:
        """None when absent or hidden from this reader."""
        ...

    def participants(
        self, workshop_id: int, options: ListOptions, page: PageRequest
    ) -> Page[ParticipantView]:
        """Every registration (seat holders, waiting list, cancelled), oldest first."""
        ...

    def stats(self, since: datetime) -> WorkshopStats:
        """Revenue = completed seat payments; top 10 by seats registered on/after `since`."""
        ...

    def figures(self) -> WorkshopFigures: ...
