"""Read side of services, réalisations and quotes: pages, details, statistics, as plain views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from chezflora.application.catalogue.views import PhotoView
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.money import Money


@dataclass(frozen=True, slots=True)
class ServiceView:
    id: int
    nom: str
    description: str
    is_active: bool
    date_creation: datetime
    photos: tuple[PhotoView, ...]
    realisations: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class ServiceBriefView:
    id: int
    nom: str
    description: str
    is_active: bool
    date_creation: datetime


@dataclass(frozen=True, slots=True)
class AuthorView:
    id: int
    username: str


@dataclass(frozen=True, slots=True)
class RealisationView:
    id: int
    service: ServiceBriefView
    titre: str
    description: str
    date: datetime
    admin: AuthorView | None
    is_active: bool
    date_creation: datetime
    photos: tuple[PhotoView, ...]


@dataclass(frozen=True, slots=True)
class QuoteView:
    id: int
    client_id: int
    client_username: str
    service: ServiceBriefView
    description: str
    statut: str
    prix_demande: Money | None
    prix_propose: Money | None
    commentaire_admin: str | None
    date_creation: datetime
    date_soumission: datetime | None
    date_expiration: datetime | None
    date_mise_a_jour: datetime
    is_active: bool
    commande_id: int | None


@dataclass(frozen=True, slots=True)
class ServiceFilters:
    include_inactive: bool = False
    is_active: bool | None = None
    nom: str | None = None


@dataclass(frozen=True, slots=True)
class RealisationFilters:
    include_inactive: bool = False
    is_active: bool | None = None
    service_id: int | None = None
    titre: str | None = None
    date_min: datetime | None = None


@dataclass(frozen=True, slots=True)
class QuoteFilters:
    """`client_id` scopes a client to their own quotes; None (admins) sees all."""

    client_id: int | None = None
    statut: str | None = None
    service_id: int | None = None
    client_username: str | None = None
    client: int | None = None
    is_active: bool | None = None


@dataclass(frozen=True, slots=True)
class NamedCount:
    name: str
    total: int


@dataclass(frozen=True, slots=True)
class RealisationStats:
    total_realisations: int
    active_realisations: int
    realisations_by_service: tuple[NamedCount, ...]
    recent_realisations: int


@dataclass(frozen=True, slots=True)
class QuoteStats:
    total_devis: int
    devis_par_statut: tuple[NamedCount, ...]
    moyenne_prix_propose: Money


class ServiceQueries(Protocol):
    def services(
        self, filters: ServiceFilters, options: ListOptions, page: PageRequest
    ) -> Page[ServiceView]: ...
    def service(self, service_id: int, include_inactive: bool) -> ServiceView | None: ...
    def realisations(
        self, filters: RealisationFilters, options: ListOptions, page: PageRequest
    ) -> Page[RealisationView]: ...
    def realisation(
        self, realisation_id: int, include_inactive: bool
    ) -> RealisationView | None: ...
    def realisation_stats(self, since: datetime) -> RealisationStats: ...
    def quotes(
        self, filters: QuoteFilters, options: ListOptions, page: PageRequest
    ) -> Page[QuoteView]: ...
    def quote(self, quote_id: int, client_id: int | None = None) -> QuoteView | None:
        """None when absent or, with `client_id`, owned by someone else."""
        ...

    def quote_stats(self) -> QuoteStats: ...
