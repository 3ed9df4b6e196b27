"""Subscriptions (abonnements): scoped CRUD, cancel, on-demand order and billing, stats."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import msgspec
from litestar import HttpMethod, Request, Response, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.idempotency import IdempotencyGuard
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.subscriptions import (
    NewSubscription,
    SubscriptionChanges,
    SubscriptionsModule,
)
from chezflora.application.subscriptions.access import NOT_FOUND
from chezflora.application.subscriptions.queries import SubscriptionFilters
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.subscription_schedule import local_date
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.idempotency import idempotent
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire import subscriptions as wire
from chezflora.entrypoints.http.wire.subscriptions import (
    StatsOut,
    StatusOut,
    SubscriptionIn,
    SubscriptionOut,
    SubscriptionPatch,
)

AnyRequest = Request[Any, Any, Any]
TAGS = ["abonnements"]


def _detail(
    subscriptions: SubscriptionsModule, subscription_id: int, caller: Viewer
) -> SubscriptionOut:
    scope = None if caller.is_admin else caller.user_id
    view = subscriptions.queries.get(subscription_id, scope)
    if view is None:
        raise NotFound(NOT_FOUND)
    return wire.subscription_out(view)


@get("/api/abonnements/", tags=TAGS)
@blocking
def list_subscriptions(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Clients see their own, admins all; filter `type`, `search`, `ordering`."""
    params = request.query_params
    kind = query.text(params, "type")
    filters = SubscriptionFilters(
        client_id=None if caller.is_admin else caller.user_id,
        type=None if kind is None else wire.kind(kind).value,
    )
    queries = subscriptions.queries
    page = queries.find(filters, query.list_options(params), query.page_request(params))
    return envelope(request, page, wire.subscription_out, base_url)


@post("/api/abonnements/", tags=TAGS)
@blocking
def create_subscription(
    request: AnyRequest,
    data: JSONBody[SubscriptionIn],
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
    idempotency: Injected[IdempotencyGuard],
) -> Response[bytes]:
    """Open a subscription (admins may name `client_id`); honours `Idempotency-Key`."""
    command = NewSubscription(
        kind=wire.kind(data.type),
        date_debut=wire.day("date_debut", data.date_debut),
        date_fin=None if data.date_fin in (None, "") else wire.day("date_fin", data.date_fin),
        lines=wire.lines(data.produit_quantites),
        client_id=data.client_id,
    )

    def create() -> tuple[int, object]:
        created = subscriptions.create(caller, command)
        return 201, _detail(subscriptions, created.id, caller)

    return idempotent(request, caller, idempotency, data, create)


@get("/api/abonnements/stats/", tags=TAGS)
@blocking
def subscription_stats(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
    clock: Injected[Clock],
) -> StatsOut:
    """Totals, revenue of active ones, and active ones by type started in the last `days`."""
    days = query.integer(request.query_params, "days", minimum=1) or 30
    today = local_date(clock.now(), subscriptions.tz)
    return wire.stats_out(subscriptions.queries.stats(today - timedelta(days=days)))


@get("/api/abonnements/{subscription_id:int}/", tags=TAGS)
@blocking
def subscription_detail(
    subscription_id: FromPath[int],
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
) -> SubscriptionOut:
    """One subscription: its client's or, for admins, any (others get 404)."""
    return _detail(subscriptions, subscription_id, caller)


@route(
    "/api/abonnements/{subscription_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=TAGS,
)
@blocking
def update_subscription(
    subscription_id: FromPath[int],
    data: JSONBody[SubscriptionPatch],
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
) -> SubscriptionOut:
    """Partial; clients: date_fin, produit_quantites; admins also paiement_statut, is_active."""
    if not caller.is_admin:
        sent = [name for name in wire.ADMIN_ONLY_FIELDS if getattr(data, name) is not None]
        if sent:
            _detail(subscriptions, subscription_id, caller)  # access first: no existence oracle
            message = f"Vous ne pouvez pas modifier le champ {sent[0]}"
            raise InvalidInput(message, fields={n: ["Champ non modifiable."] for n in sent})
    subscriptions.update(caller, subscription_id, _changes(data))
    return _detail(subscriptions, subscription_id, caller)


def _changes(data: SubscriptionPatch) -> SubscriptionChanges:
    end = data.date_fin
    return SubscriptionChanges(
        lines=None if data.produit_quantites is None else wire.lines(data.produit_quantites),
        sets_end=end is not msgspec.UNSET,
        date_fin=wire.day("date_fin", end) if isinstance(end, str) and end else None,
        kind=None if data.type is None else wire.kind(data.type),
        date_debut=None if not data.date_debut else wire.day("date_debut", data.date_debut),
        paiement_statut=None
        if data.paiement_statut is None
        else wire.payment_state(data.paiement_statut),
        is_active=data.is_active,
        client_id=data.client_id,
    )


@delete("/api/abonnements/{subscription_id:int}/", tags=TAGS)
@blocking
def delete_subscription(
    subscription_id: FromPath[int],
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
) -> None:
    """Deleted when it has no history; otherwise cancelled, kept for the accounts."""
    subscriptions.delete(caller, subscription_id)


@post("/api/abonnements/{subscription_id:int}/cancel/", status_code=200, tags=TAGS)
@blocking
def cancel_subscription(
    subscription_id: FromPath[int],
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
) -> StatusOut:
    """Owner or admin: deactivate and e-mail the client (already cancelled → 409)."""
    subscriptions.cancel(caller, subscription_id)
    return StatusOut(status="Abonnement annulé")


@post("/api/abonnements/{subscription_id:int}/generer_commande_manuelle/", tags=TAGS)
@blocking
def generate_order(
    subscription_id: FromPath[int],
    caller: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
) -> StatusOut:
    """Owner or admin: the next delivery becomes an order now (201 with `commande_id`)."""
    order_id = subscriptions.generate_order(caller, subscription_id)
    return StatusOut(status="Commande générée", commande_id=order_id)


@post("/api/abonnements/{subscription_id:int}/facturer/", status_code=200, tags=TAGS)
@blocking
def bill_subscription(
    subscription_id: FromPath[int],
    admin: NamedDependency[Viewer],
    subscriptions: Injected[SubscriptionsModule],
) -> StatusOut:
    """Admin: bill the next period now (a `simule` payment; the period starts unpaid)."""
    payment_id = subscriptions.bill(admin, subscription_id)
    return StatusOut(status="Facturé", paiement_id=payment_id)


ROUTES = [
    list_subscriptions,
    create_subscription,
    subscription_stats,
    subscription_detail,
    update_subscription,
    delete_subscription,
    cancel_subscription,
    generate_order,
    bill_subscription,
]
