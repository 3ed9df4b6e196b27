"""Read side of subscriptions: lists, detail and admin statistics, as plain views."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from chezflora.application.catalogue.views import PhotoView
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.domain.money import Money


@dataclass(frozen=True, slots=True)
class BasketLineView:
    product_id: int
    nom: str
    prix: Money
    photos: tuple[PhotoView, ...]
    quantite: int


@dataclass(frozen=True, slots=True)
class SubscriptionView:
    id: int
    type: str
    client_id: int
    client_username: str
    date_debut: date
    date_fin: date | None
    prix: Money
    paiement_statut: str
    is_active: bool
    prochaine_livraison: datetime | None
    prochaine_facturation: datetime | None
    date_creation: datetime
    date_mise_a_jour: datetime
    lines: tuple[BasketLineView, ...]


@dataclass(frozen=True, slots=True)
class SubscriptionFilters:
    """`client_id` scopes a client to their own; None (admins) sees all."""

    client_id: int | None = None
    type: str | None = None


@dataclass(frozen=True, slots=True)
class TypeCount:
    type: str
    total: int


@dataclass(frozen=True, slots=True)
class SubscriptionStats:
    total_abonnements: int
    active_abonnements: int
    revenus: Money
    abonnements_by_type: tuple[TypeCount, ...]


class SubscriptionQueries(Protocol):
    def find(
        self, filters: SubscriptionFilters, options: ListOptions, page: PageRequest
    ) -> Page[SubscriptionView]: ...
    def get(self, subscription_id: int, client_id: int | None = None) -> SubscriptionView | None:
        """None when absent or, with `client_id`, owned by someone else."""
        ...

    def stats(self, since: date) -> SubscriptionStats:
        """Totals over all; `abonnements_by_type` counts active ones starting on/after `since`."""
        ...
