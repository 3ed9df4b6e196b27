"""Quote (devis) use cases: every status change goes through the domain's state machine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import partial

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.services import notices
from chezflora.application.services.access import load_quote
from chezflora.application.services.ports import ServicesUnitOfWork, ServicesUnitOfWorkFactory
from chezflora.application.shopping.common import retrying
from chezflora.domain.catalogue_fields import validate_flag
from chezflora.domain.errors import Conflict, Forbidden, InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.order import Order, OrderLine
from chezflora.domain.payment import Payment
from chezflora.domain.quote import BAD_STATUS, Quote, QuoteStatus, Role
from chezflora.domain.service import SERVICE_INACTIVE, SERVICE_NOT_FOUND

ARCHIVE_ADMIN_ONLY = "Seul un administrateur peut archiver un devis."
ADMIN_CANNOT_ACCEPT = "Seul le client peut accepter un devis."
DELETE_DRAFT_ONLY = "Seul un devis en brouillon peut être supprimé par son client."
DELETE_ACCEPTED = "Un devis accepté est lié à une commande : il ne peut pas être supprimé."


@dataclass(frozen=True, slots=True)
class QuoteRequest:
    service_id: int
    description: str
    prix_demande: Money | None = None


@dataclass(frozen=True, slots=True)
class QuoteEdit:
    """None means "not sent"; `clears_prix_demande` when the client sent null."""

    service_id: int | None = None
    description: str | None = None
    prix_demande: Money | None = None
    clears_prix_demande: bool = False


def _active_service(uow: ServicesUnitOfWork, service_id: int) -> None:
    service = uow.services.get(service_id)
    if service is None:
        raise InvalidInput.on_field("service_id", SERVICE_NOT_FOUND)
    if not service.is_active:
        raise InvalidInput.on_field("service_id", SERVICE_INACTIVE)


class _QuoteUseCase:
    def __init__(self, uow: ServicesUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock


class CreateQuote(_QuoteUseCase):
    """A quote for the caller, always `brouillon`, on an active service."""

    def __call__(self, actor: Viewer, request: QuoteRequest) -> int:
        now = self._clock.now()
        with self._uow() as uow:
            _active_service(uow, request.service_id)
            quote = Quote(
                client_id=actor.user_id,
                service_id=request.service_id,
                description=request.description,
                prix_demande=request.prix_demande,
            )
            uow.quotes.add(quote, now)
            uow.commit()
        return quote.id


class EditQuote(_QuoteUseCase):
    """The client changes description, budget or service while the quote is a draft."""

    def __call__(self, actor: Viewer, quote_id: int, edit: QuoteEdit) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            quote, role = load_quote(uow, quote_id, actor)
            if edit.service_id is not None and edit.service_id != quote.service_id:
                _active_service(uow, edit.service_id)
            quote.edit(
                role,
                description=edit.description,
                prix_demande=edit.prix_demande,
                clears_prix_demande=edit.clears_prix_demande,
                service_id=edit.service_id,
            )
            uow.quotes.save(quote, now)
            uow.commit()


class SubmitQuote(_QuoteUseCase):
    """Owner: brouillon → soumis, stamps the dates (+30 days), e-mails every admin."""

    def __call__(self, actor: Viewer, quote_id: int) -> Quote:
        now = self._clock.now()
        with self._uow() as uow:
            quote, role = load_quote(uow, quote_id, actor)
            quote.submit(role, now)
            uow.quotes.save(quote, now)
            notices.tell_admins_submitted(uow, quote)
            uow.commit()
        return quote


class AnswerQuote(_QuoteUseCase):
    """Admin `proposer_reponse`: statut en_cours (a price, revisable) or refuse; e-mails the
    client. `accepte` is the client's word, never the admin's (409)."""

    def __call__(
        self,
        actor: Viewer,
        quote_id: int,
        statut: str,
        prix_propose: Money | None,
        comment: str | None,
    ) -> Quote:
        target = _answer_target(statut)
        now = self._clock.now()
        with self._uow() as uow:
            quote, role = load_quote(uow, quote_id, actor)
            if role is Role.OWNER:
                raise Forbidden("Vous ne pouvez pas répondre à votre propre devis.")
            if target is QuoteStatus.ACCEPTE:
                raise Conflict(ADMIN_CANNOT_ACCEPT, statut=quote.statut.value)
            if target is QuoteStatus.REFUSE:
                if prix_propose is not None:
                    quote.prix_propose = prix_propose
                quote.refuse(role, now, comment)
            else:
                quote.answer(role, prix_propose, comment)
            uow.quotes.save(quote, now)
            notices.tell_client(uow, quote, "devis_reponse")
            uow.commit()
        return quote


def _answer_target(statut: str) -> QuoteStatus:
    try:
        target = QuoteStatus(statut)
    except ValueError:
        raise InvalidInput.on_field("statut", BAD_STATUS) from None
    if target not in (QuoteStatus.EN_COURS, QuoteStatus.ACCEPTE, QuoteStatus.REFUSE):
        raise InvalidInput.on_field("statut", BAD_STATUS)
    return target


class AcceptQuote(_QuoteUseCase):
    """Owner, from en_cours before date_expiration: the quote becomes an order (en_attente,
    one line named after the service at prix_propose, default address) with a `simule`
    payment, paid through `/api/paiements/` like any order."""

    def __call__(self, actor: Viewer, quote_id: int) -> Quote:
        return retrying(lambda: self._once(actor, quote_id))

    def _once(self, actor: Viewer, quote_id: int) -> Quote:
        now = self._clock.now()
        with self._uow() as uow:
            quote, role = load_quote(uow, quote_id, actor)
            quote.accept(role, now)
            assert quote.prix_propose is not None  # answer() requires it
            service = uow.services.get(quote.service_id)
            name = (service.name if service is not None else f"Devis n° {quote.id}")[:100]
            line = OrderLine(None, name, 1, quote.prix_propose)
            order = Order.place(
                quote.client_id, [line], uow.quotes.delivery_address(quote.client_id), now
            )
            uow.orders.add(order)
            assert order.id is not None
            payment = Payment.for_order(order.id, quote.client_id, order.total, now)
            uow.payments.add(payment)
            quote.commande_id = order.id
            uow.quotes.save(quote, now)
            notices.tell_client(
                uow, quote, "devis_accepte", commande_id=order.id, paiement_id=payment.id
            )
            uow.commit()
        return quote


class RefuseQuote(_QuoteUseCase):
    """Owner refuses the proposal (en_cours, before date_expiration); e-mails nobody."""

    def __call__(self, actor: Viewer, quote_id: int) -> Quote:
        now = self._clock.now()
        with self._uow() as uow:
            quote, role = load_quote(uow, quote_id, actor)
            if role is not Role.OWNER:
                raise Forbidden("Vous ne pouvez refuser que vos propres devis.")
            quote.refuse(role, now)
            uow.quotes.save(quote, now)
            uow.commit()
        return quote


class ArchiveQuote(_QuoteUseCase):
    """Admin: `is_active` (true/false or the form's strings) hides or shows a quote; no move."""

    def __call__(self, actor: Viewer, quote_id: int, value: object) -> None:
        if not actor.is_admin:
            raise Forbidden(ARCHIVE_ADMIN_ONLY)
        flag = validate_flag(value)
        now = self._clock.now()
        with self._uow() as uow:
            quote, _ = load_quote(uow, quote_id, actor)
            quote.is_active = flag
            uow.quotes.save(quote, now)
            uow.commit()


class DeleteQuote(_QuoteUseCase):
    """Owner: only a draft. Admin: any quote but an accepted one (it is tied to an order)."""

    def __call__(self, actor: Viewer, quote_id: int) -> None:
        with self._uow() as uow:
            quote, _ = load_quote(uow, quote_id, actor)
            if quote.statut is QuoteStatus.ACCEPTE:
                raise Conflict(DELETE_ACCEPTED, statut=quote.statut.value)
            if not actor.is_admin and quote.statut is not QuoteStatus.BROUILLON:
                raise Conflict(DELETE_DRAFT_ONLY, statut=quote.statut.value)
            uow.quotes.delete(quote.id)
            uow.commit()


class ExpireQuotes:
    """The daily job: soumis/en_cours quotes past date_expiration become `expire` and their
    client is e-mailed, exactly once even when two runs overlap (conditional update)."""

    def __init__(self, uow: ServicesUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self) -> dict[str, int]:
        now = self._clock.now()
        with self._uow() as uow:
            candidates = uow.quotes.due_for_expiry(now)
        expired = sum(retrying(partial(self._expire_one, q, now)) for q in candidates)
        return {"devis_expires": expired}

    def _expire_one(self, quote_id: int, now: datetime) -> int:
        with self._uow() as uow:
            if not uow.quotes.expire(quote_id, now):
                return 0
            quote = uow.quotes.get(quote_id)
            if quote is not None:
                notices.tell_client(uow, quote, "devis_expire")
            uow.commit()
        return 1
