"""Workshop lists, detail, participants and stats in SQL: a page costs four statements
(count, page, participants shown, waiting-list figures) whatever its size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.queries.paging import fetch_page, order, search
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.adapters.sqlalchemy.tables.shopping import payments
from chezflora.adapters.sqlalchemy.tables.workshops import workshop_registrations, workshops
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import Page, PageRequest
from chezflora.application.workshops.queries import (
    ParticipantView,
    WorkshopCount,
    WorkshopFigures,
    WorkshopScope,
    WorkshopStats,
    WorkshopView,
)
from chezflora.domain.money import Money
from chezflora.domain.payment import PaymentStatus, TransactionType
from chezflora.domain.workshop import RegistrationStatus

_W, _R = workshops.c, workshop_registrations.c
_WAITING = RegistrationStatus.EN_ATTENTE.value
_SEATED = (RegistrationStatus.INSCRIT.value, RegistrationStatus.CONFIRME.value)
_ORDERING = {
    "date": _W.date,
    "nom": _W.nom,
    "prix": _W.prix,
    "places_totales": _W.places_totales,
    "date_creation": _W.date_creation,
    "id": _W.id,
}
_PARTICIPANT_ORDERING = {
    "date_inscription": _R.date_inscription,
    "statut": _R.statut,
    "utilisateur": users.c.username,
    "id": _R.id,
}
_PARTICIPANTS: sa.Select[Any] = sa.select(
    _R.id, _R.atelier_id, _R.utilisateur_id, _R.date_inscription, _R.statut, users.c.username
).join(users, users.c.id == _R.utilisateur_id)


class SqlWorkshopQueries:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def find(
        self, scope: WorkshopScope, options: ListOptions, page: PageRequest
    ) -> Page[WorkshopView]:
        query = _visible(sa.select(workshops), scope)
        query = search(query, options.search, [_W.nom, _W.description])
        query = order(query, options.ordering, _ORDERING, [_W.date.asc()], _W.id.asc())
        with self._engine.connect() as conn:
            rows = fetch_page(conn, query, page, lambda row: row)
            views = _views(conn, rows.items, scope)
        return Page(items=views, total=rows.total, request=rows.request)

    def get(self, workshop_id: int, scope: WorkshopScope) -> WorkshopView | None:
        query = _visible(sa.select(workshops).where(_W.id == workshop_id), scope)
        with self._engine.connect() as conn:
            row = conn.execute(query).first()
            return None if row is None else _views(conn, [row], scope)[0]

    def participants(
        self, workshop_id: int, options: ListOptions, page: PageRequest
    ) -> Page[ParticipantView]:
        query = _PARTICIPANTS.where(_R.atelier_id == workshop_id)
        query = search(query, options.search, [users.c.username, users.c.email, _R.statut])
        query = order(query, options.ordering, _PARTICIPANT_ORDERING, [_R.id.asc()], _R.id.asc())
        with self._engine.connect() as conn:
            return fetch_page(conn, query, page, _participant)

    def stats(self, since: datetime) -> WorkshopStats:
        active = _W.is_active.is_(True)
        with self._engine.connect() as conn:
            total, active_count = conn.execute(
                sa.select(sa.func.count(), sa.func.sum(sa.case((active, 1), else_=0)))
            ).one()
            revenue = conn.execute(
                sa.select(sa.func.sum(payments.c.montant)).where(
                    payments.c.type_transaction == TransactionType.ATELIER.value,
                    payments.c.statut == PaymentStatus.EFFECTUE.value,
                )
            ).scalar_one()
            registered = sa.func.count(_R.id).label("total")
            top = conn.execute(
                sa.select(_W.nom, registered)
                .join(workshop_registrations, _R.atelier_id == _W.id)
                .where(_R.statut.in_(_SEATED), _R.date_inscription >= since)
                .group_by(_W.id, _W.nom)
                .order_by(registered.desc(), _W.nom)
                .limit(10)
            ).all()
        return WorkshopStats(
            total_ateliers=int(total),
            active_ateliers=int(active_count or 0),
            total_revenus=Money(Decimal(revenue or 0)),
            inscriptions_by_atelier=tuple(WorkshopCount(nom, int(n)) for nom, n in top),
        )

    def figures(self) -> WorkshopFigures:
        with self._engine.connect() as conn:
            total, active, cancelled = conn.execute(
                sa.select(
                    sa.func.count(),
                    sa.func.sum(sa.case((_W.is_active.is_(True), 1), else_=0)),
                    sa.func.sum(sa.case((_W.date_annulation.is_not(None), 1), else_=0)),
                )
            ).one()
            seated = conn.execute(
                sa.select(sa.func.count()).where(_R.statut.in_(_SEATED))
            ).scalar_one()
        return WorkshopFigures(int(total), int(active or 0), int(cancelled or 0), int(seated))


def _visible(query: sa.Select[Any], scope: WorkshopScope) -> sa.Select[Any]:
    return query if scope.is_admin else query.where(_W.is_active.is_(True))


def _participant(row: Any) -> ParticipantView:
    return ParticipantView(
        id=row.id,
        user_id=row.utilisateur_id,
        username=row.username,
        date_inscription=row.date_inscription,
        statut=row.statut,
    )


def _views(conn: Connection, rows: Sequence[Any], scope: WorkshopScope) -> list[WorkshopView]:
    ids = [row.id for row in rows]
    shown = _shown_participants(conn, ids, scope)
    waiting, positions = _waiting_list(conn, ids, scope.viewer_id)
    return [
        WorkshopView(
            id=row.id,
            nom=row.nom,
            description=row.description,
            date=row.date,
            duree=row.duree,
            prix=Money(row.prix),
            places_totales=row.places_totales,
            places_prises=row.places_prises,
            is_active=row.is_active,
            date_annulation=row.date_annulation,
            raison_annulation=row.raison_annulation,
            participants=tuple(shown[row.id]),
            waiting=waiting.get(row.id, 0),
            position=positions.get(row.id),
        )
        for row in rows
    ]


def _shown_participants(
    conn: Connection, ids: list[int], scope: WorkshopScope
) -> dict[int, list[ParticipantView]]:
    """Admins: every seat holder. Others: their own seat only; anonymous: nobody."""
    found: dict[int, list[ParticipantView]] = defaultdict(list)
    if not ids or (scope.viewer_id is None and not scope.is_admin):
        return found
    query = _PARTICIPANTS.where(_R.atelier_id.in_(ids), _R.statut.in_(_SEATED))
    if not scope.is_admin:
        query = query.where(_R.utilisateur_id == scope.viewer_id)
    for row in conn.execute(query.order_by(_R.id)):
        found[row.atelier_id].append(_participant(row))
    return found


def _waiting_list(
    conn: Connection, ids: list[int], viewer_id: int | None
) -> tuple[dict[int, int], dict[int, int]]:
    """Per workshop: how many wait, and the viewer's rank among them (one statement)."""
    if not ids:
        return {}, {}
    mine = sa.case((_R.utilisateur_id == viewer_id, _R.id), else_=None) if viewer_id else None
    columns: list[Any] = [_R.atelier_id, sa.func.count()]
    if mine is not None:
        columns.append(sa.func.max(mine))
    rows = conn.execute(
        sa.select(*columns)
        .where(_R.atelier_id.in_(ids), _R.statut == _WAITING)
        .group_by(_R.atelier_id)
    ).all()
    waiting = {row[0]: int(row[1]) for row in rows}
    own = {row[0]: row[2] for row in rows if mine is not None and row[2] is not None}
    if not own:
        return waiting, {}
    ranks = conn.execute(
        sa.select(_R.atelier_id, sa.func.count())
        .where(
            _R.statut == _WAITING,
            sa.or_(*(sa.and_(_R.atelier_id == w, _R.id <= r) for w, r in own.items())),
        )
        .group_by(_R.atelier_id)
    ).all()
    return waiting, {w: int(n) for w, n in ranks}
