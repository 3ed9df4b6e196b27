"""The e-mails of the quote life cycle (French templates `devis_*`), recorded in the outbox."""

from __future__ import annotations

from chezflora.application.ports import OutgoingEmail
from chezflora.application.services.ports import ServicesUnitOfWork
from chezflora.domain.quote import Quote
from chezflora.domain.user import User


def _basics(quote: Quote, service_nom: str) -> dict[str, object]:
    return {
        "devis_id": quote.id,
        "service": service_nom,
        "statut": quote.statut.value,
        "description": quote.description,
        "prix_demande": None if quote.prix_demande is None else str(quote.prix_demande.amount),
        "prix_propose": None if quote.prix_propose is None else str(quote.prix_propose.amount),
        "commentaire_admin": quote.commentaire_admin or "",
        "date_expiration": ""
        if quote.date_expiration is None
        else quote.date_expiration.strftime("%Y-%m-%d"),
    }


def _client(uow: ServicesUnitOfWork, quote: Quote) -> User | None:
    client = uow.users.get(quote.client_id)
    return None if client is None or client.deleted_at is not None else client


def _service_nom(uow: ServicesUnitOfWork, quote: Quote) -> str:
    service = uow.services.get(quote.service_id)
    return "" if service is None else service.name


def tell_admins_submitted(uow: ServicesUnitOfWork, quote: Quote) -> None:
    client = _client(uow, quote)
    context = _basics(quote, _service_nom(uow, quote))
    context["client_username"] = "" if client is None else client.username
    for admin in uow.users.admins():
        uow.outbox.add(OutgoingEmail(admin.email, "devis_soumis", dict(context)))


def tell_client(uow: ServicesUnitOfWork, quote: Quote, template: str, **extra: object) -> None:
    """`devis_reponse` (answer or refusal by the shop), `devis_expire`, `devis_accepte`."""
    client = _client(uow, quote)
    if client is None:
        return
    context = _basics(quote, _service_nom(uow, quote))
    context.update(username=client.username, **extra)
    uow.outbox.add(OutgoingEmail(client.email, template, context))
