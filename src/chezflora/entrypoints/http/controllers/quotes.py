"""Quotes (devis): the client's requests, the shop's answers, one state machine (decisions §5)."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import HttpMethod, Request, Response, delete, get, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.exports import CsvExports
from chezflora.application.identity.authentication import Viewer
from chezflora.application.services import QuoteEdit, QuoteRequest, ServicesModule
from chezflora.application.services.queries import QuoteFilters
from chezflora.domain.catalogue_fields import validate_id
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.money import Money
from chezflora.domain.quote import BAD_STATUS, QUOTE_NOT_FOUND, QuoteStatus
from chezflora.domain.service import validate_optional_price, validate_required_text
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire import services as wire
from chezflora.entrypoints.http.wire.services import (
    AnswerIn,
    QuoteActionOut,
    QuoteIn,
    QuoteOut,
    refuse_shop_fields,
)
from chezflora.entrypoints.http.wire.shopping_reports import csv_response

AnyRequest = Request[Any, Any, Any]
TAGS = ["devis"]


def _view(services: ServicesModule, quote_id: int, caller: Viewer) -> Any:
    view = services.queries.quote(quote_id, None if caller.is_admin else caller.user_id)
    if view is None:
        raise NotFound(QUOTE_NOT_FOUND)
    return view


def _price(value: Any, field: str) -> Money | None:
    # JSON numbers arrive as floats: read them through their shortest text, never as floats.
    return validate_optional_price(str(value) if isinstance(value, float) else value, field)


def _status_filter(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return QuoteStatus(value).value
    except ValueError:
        raise InvalidInput(BAD_STATUS, fields={"statut": [BAD_STATUS]}) from None


@get("/api/devis/", tags=TAGS)
@blocking
def list_quotes(
    request: AnyRequest,
    caller: NamedDependency[Viewer],
    services: Injected[ServicesModule],
    base_url: Injected[str],
) -> dict[str, Any]:
    """Clients: their own; admins: all, filters statut, service, client, client_username,
    is_active; search description/service/username; ordering date_creation (default newest),
    date_soumission, statut, prix_propose."""
    params = request.query_params
    filters = QuoteFilters(
        client_id=None if caller.is_admin else caller.user_id,
        statut=_status_filter(query.text(params, "statut")),
        service_id=query.integer(params, "service", minimum=1),
        client_username=query.text(params, "client_username"),
        client=query.integer(params, "client", minimum=1),
        is_active=query.boolean(params, "is_active"),
    )
    page = services.queries.quotes(filters, query.list_options(params), query.page_request(params))
    return envelope(request, page, wire.quote_out, base_url)


@post("/api/devis/", tags=TAGS)
@blocking
def create_quote(
    data: JSONBody[QuoteIn], caller: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> QuoteOut:
    """A request for the caller, always `brouillon`: service_id (active), description, optional
    prix_demande. statut, prix_propose, commentaire_admin, client, dates → 400."""
    refuse_shop_fields(data, allow_is_active=False)
    request = QuoteRequest(
        service_id=validate_id(
            None if data.service_id is msgspec.UNSET else data.service_id, "service_id"
        ),
        description=validate_required_text(
            None if data.description is msgspec.UNSET else data.description
        ),
        prix_demande=None
        if data.prix_demande is msgspec.UNSET
        else _price(data.prix_demande, "prix_demande"),
    )
    quote_id = services.create_quote(caller, request)
    return wire.quote_out(_view(services, quote_id, caller))


@get("/api/devis/statistiques/", tags=TAGS)
@blocking
def quote_stats(
    admin: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> dict[str, Any]:
    """Admin: total, count per status, average proposed price."""
    return wire.quote_stats_out(services.queries.quote_stats())


@get("/api/devis/export/", tags=TAGS, media_type="text/csv")
@blocking
def export_quotes(admin: NamedDependency[Viewer], exports: Injected[CsvExports]) -> Response[str]:
    """Admin: every quote as CSV (the same columns as `chezflora export quotes`)."""
    return csv_response("devis.csv", exports.columns("quotes"), exports.rows("quotes"))


@get("/api/devis/{quote_id:int}/", tags=TAGS)
@blocking
def quote_detail(
    quote_id: FromPath[int], caller: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> QuoteOut:
    """The caller's own quote, or any for admins (others: 404)."""
    return wire.quote_out(_view(services, quote_id, caller))


@route("/api/devis/{quote_id:int}/", http_method=[HttpMethod.PUT, HttpMethod.PATCH], tags=TAGS)
@blocking
def update_quote(
    quote_id: FromPath[int],
    data: JSONBody[QuoteIn],
    caller: NamedDependency[Viewer],
    services: Injected[ServicesModule],
) -> QuoteOut:
    """Partial. The client: description, prix_demande, service_id while `brouillon` (else 409).
    Admins: is_active (archive). Status, price and comment only through the actions (400)."""
    refuse_shop_fields(data, allow_is_active=caller.is_admin)
    edits = _edit(data)
    if edits != QuoteEdit():
        services.edit_quote(caller, quote_id, edits)
    if data.is_active is not msgspec.UNSET:
        services.archive_quote(caller, quote_id, data.is_active)
    return wire.quote_out(_view(services, quote_id, caller))


def _edit(data: QuoteIn) -> QuoteEdit:
    sent_price = data.prix_demande is not msgspec.UNSET
    price = _price(data.prix_demande, "prix_demande") if sent_price else None
    return QuoteEdit(
        service_id=None
        if data.service_id is msgspec.UNSET
        else validate_id(data.service_id, "service_id"),
        description=None
        if data.description is msgspec.UNSET
        else validate_required_text(data.description),
        prix_demande=price,
        clears_prix_demande=sent_price and price is None,
    )


@delete("/api/devis/{quote_id:int}/", tags=TAGS)
@blocking
def delete_quote(
    quote_id: FromPath[int], caller: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> None:
    """The client deletes a draft; admins any quote but an accepted one (409)."""
    services.delete_quote(caller, quote_id)


def _acted(services: ServicesModule, quote_id: int, caller: Viewer, status: str) -> QuoteActionOut:
    return wire.quote_action_out(_view(services, quote_id, caller), status)


@post("/api/devis/{quote_id:int}/soumettre/", status_code=200, tags=TAGS)
@blocking
def submit_quote(
    quote_id: FromPath[int], caller: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> QuoteActionOut:
    """Owner: brouillon → soumis (+30 days to answer); every admin is e-mailed. Again → 409."""
    services.submit_quote(caller, quote_id)
    return _acted(services, quote_id, caller, "Devis soumis avec succès")


@post("/api/devis/{quote_id:int}/proposer_reponse/", status_code=200, tags=TAGS)
@blocking
def answer_quote(
    quote_id: FromPath[int],
    data: JSONBody[AnswerIn],
    admin: NamedDependency[Viewer],
    services: Injected[ServicesModule],
) -> QuoteActionOut:
    """Admin: statut en_cours with prix_propose (and commentaire_admin), or refuse; the client
    is e-mailed. From soumis or en_cours only (409); `accepte` is the client's (409)."""
    statut = data.statut if isinstance(data.statut, str) else ""
    price = (
        None if data.prix_propose is msgspec.UNSET else _price(data.prix_propose, "prix_propose")
    )
    comment = data.commentaire_admin
    if comment is not msgspec.UNSET and comment is not None and not isinstance(comment, str):
        raise InvalidInput.on_field("commentaire_admin", "Une chaîne de caractères est attendue.")
    text = comment.strip() if isinstance(comment, str) else None
    services.answer_quote(admin, quote_id, statut, price, text)
    return _acted(services, quote_id, admin, "Réponse enregistrée")


@post("/api/devis/{quote_id:int}/accepter/", status_code=200, tags=TAGS)
@blocking
def accept_quote(
    quote_id: FromPath[int], caller: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> QuoteActionOut:
    """Owner, from en_cours before date_expiration: → accepte, and an order (en_attente, with a
    `simule` payment to pay through /api/paiements/) is created (`commande_id`)."""
    services.accept_quote(caller, quote_id)
    return _acted(services, quote_id, caller, "Devis accepté")


@post("/api/devis/{quote_id:int}/refuser/", status_code=200, tags=TAGS)
@blocking
def refuse_quote(
    quote_id: FromPath[int], caller: NamedDependency[Viewer], services: Injected[ServicesModule]
) -> QuoteActionOut:
    """Owner, from en_cours before date_expiration: → refuse."""
    services.refuse_quote(caller, quote_id)
    return _acted(services, quote_id, caller, "Devis refusé")


ROUTES = [
    list_quotes,
    create_quote,
    quote_stats,
    export_quotes,
    quote_detail,
    update_quote,
    delete_quote,
    submit_quote,
    answer_quote,
    accept_quote,
    refuse_quote,
]
