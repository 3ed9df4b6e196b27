"""Services and réalisations in SQL: a page costs four statements whatever its size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries import quotes as quote_reads
from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.queries.photos import UrlFor, photos_of
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.services import realisations, services
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.services.queries import (
    AuthorView,
    NamedCount,
    QuoteFilters,
    QuoteStats,
    QuoteView,
    RealisationFilters,
    RealisationStats,
    RealisationView,
    ServiceBriefView,
    ServiceFilters,
    ServiceView,
)

SERVICE, REALISATION = "service", "realisation"
_SERVICE_ORDERING = {"nom": services.c.nom, "date_creation": services.c.date_creation}
_REALISATION_ORDERING = {
    "date": realisations.c.date,
    "titre": realisations.c.titre,
    "date_creation": realisations.c.date_creation,
}
_REALISATION_BASE = (
    sa.select(
        realisations,
        services.c.nom.label("service_nom"),
        services.c.description.label("service_description"),
        services.c.is_active.label("service_is_active"),
        services.c.date_creation.label("service_date_creation"),
        users.c.username.label("admin_username"),
    )
    .join(services, services.c.id == realisations.c.service_id)
    .outerjoin(users, users.c.id == realisations.c.admin_id)
)


class SqlServiceQueries:
    """`url_for` turns a photo's storage name into its absolute URL (the storage's `url`)."""

    def __init__(self, engine: Engine, url_for: UrlFor) -> None:
        self._engine, self._url_for = engine, url_for

    # --- services ----------------------------------------------------------------------------

    def services(
        self, filters: ServiceFilters, options: ListOptions, page: PageRequest
    ) -> Page[ServiceView]:
        query = sa.select(services)
        if not filters.include_inactive:
            query = query.where(services.c.is_active.is_(True))
        if filters.is_active is not None:
            query = query.where(services.c.is_active.is_(filters.is_active))
        if filters.nom is not None:
            query = query.where(services.c.nom == filters.nom)
        query = search(query, options.search, [services.c.nom, services.c.description])
        query = order(query, options.ordering, _SERVICE_ORDERING, [], services.c.id)
        with self._engine.connect() as conn:
            rows = fetch_page(conn, query, page, lambda row: row)
            views = self._service_views(conn, rows.items, filters.include_inactive)
        return Page(items=views, total=rows.total, request=rows.request)

    def service(self, service_id: int, include_inactive: bool) -> ServiceView | None:
        query = sa.select(services).where(services.c.id == service_id)
        if not include_inactive:
            query = query.where(services.c.is_active.is_(True))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
            return None if row is None else self._service_views(conn, [row], include_inactive)[0]

    def _service_views(
        self, conn: Connection, rows: Sequence[Any], include_inactive: bool
    ) -> list[ServiceView]:
        ids = [row.id for row in rows]
        photos = photos_of(conn, SERVICE, ids, self._url_for)
        works: dict[int, list[int]] = defaultdict(list)
        if ids:
            query = sa.select(realisations.c.service_id, realisations.c.id).where(
                realisations.c.service_id.in_(ids)
            )
            if not include_inactive:
                query = query.where(realisations.c.is_active.is_(True))
            for service_id, realisation_id in conn.execute(query.order_by(realisations.c.id)):
                works[service_id].append(realisation_id)
        return [
            ServiceView(
                id=row.id,
                nom=row.nom,
                description=row.description,
                is_active=row.is_active,
                date_creation=row.date_creation,
                photos=photos[row.id],
                realisations=tuple(works[row.id]),
            )
            for row in rows
        ]

    # --- réalisations ------------------------------------------------------------------------

    def realisations(
        self, filters: RealisationFilters, options: ListOptions, page: PageRequest
    ) -> Page[RealisationView]:
        query = _REALISATION_BASE
        if not filters.include_inactive:
            query = query.where(realisations.c.is_active.is_(True), services.c.is_active.is_(True))
        if filters.is_active is not None:
            query = query.where(realisations.c.is_active.is_(filters.is_active))
        if filters.service_id is not None:
            query = query.where(realisations.c.service_id == filters.service_id)
        if filters.titre is not None:
            query = query.where(realisations.c.titre == filters.titre)
        if filters.date_min is not None:
            query = query.where(realisations.c.date >= filters.date_min)
        query = search(query, options.search, [realisations.c.titre, realisations.c.description])
        default = [realisations.c.date.desc()]
        query = order(query, options.ordering, _REALISATION_ORDERING, default, realisations.c.id)
        with self._engine.connect() as conn:
            rows = fetch_page(conn, query, page, lambda row: row)
            views = self._realisation_views(conn, rows.items)
        return Page(items=views, total=rows.total, request=rows.request)

    def realisation(self, realisation_id: int, include_inactive: bool) -> RealisationView | None:
        query = _REALISATION_BASE.where(realisations.c.id == realisation_id)
        if not include_inactive:
            query = query.where(realisations.c.is_active.is_(True), services.c.is_active.is_(True))
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
            return None if row is None else self._realisation_views(conn, [row])[0]

    def _realisation_views(self, conn: Connection, rows: Sequence[Any]) -> list[RealisationView]:
        photos = photos_of(conn, REALISATION, [row.id for row in rows], self._url_for)
        return [
            RealisationView(
                id=row.id,
                service=ServiceBriefView(
                    id=row.service_id,
                    nom=row.service_nom,
                    description=row.service_description,
                    is_active=row.service_is_active,
                    date_creation=row.service_date_creation,
                ),
                titre=row.titre,
                description=row.description,
                date=row.date,
                admin=None
                if row.admin_id is None
                else AuthorView(id=row.admin_id, username=row.admin_username),
                is_active=row.is_active,
                date_creation=row.date_creation,
                photos=photos[row.id],
            )
            for row in rows
        ]

    def realisation_stats(self, since: datetime) -> RealisationStats:
        active = realisations.c.is_active.is_(True)
        with self._engine.connect() as conn:
            total, n_active, recent = conn.execute(
                sa.select(
                    sa.func.count(),
                    _count_if(active),
                    _count_if(realisations.c.date >= since),
                )
            ).one()
            by_service = conn.execute(
                sa.select(services.c.nom, sa.func.count())
                .join(services, services.c.id == realisations.c.service_id)
                .where(active)
                .group_by(services.c.nom)
                .order_by(sa.func.count().desc(), services.c.nom)
            ).all()
        return RealisationStats(
            total_realisations=int(total),
            active_realisations=int(n_active),
            realisations_by_service=tuple(NamedCount(str(n), int(c)) for n, c in by_service),
            recent_realisations=int(recent),
        )

    # --- quotes ------------------------------------------------------------------------------

    def quotes(
        self, filters: QuoteFilters, options: ListOptions, page: PageRequest
    ) -> Page[QuoteView]:
        with self._engine.connect() as conn:
            return quote_reads.find_quotes(conn, filters, options, page)

    def quote(self, quote_id: int, client_id: int | None = None) -> QuoteView | None:
        with self._engine.connect() as conn:
            return quote_reads.get_quote(conn, quote_id, client_id)

    def quote_stats(self) -> QuoteStats:
        with self._engine.connect() as conn:
            return quote_reads.quote_stats(conn)


def _count_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[Any]:
    # MariaDB has no COUNT(*) FILTER (WHERE …).
    return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)
