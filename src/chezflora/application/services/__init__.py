"""Services, réalisations (portfolio) and quotes (devis), grouped for the composition root.

Decisions (beyond decisions.md §5):
- A service with quotes or réalisations is never deleted (409): deactivate it (portfolio.py).
- A quote's `proposer_reponse` to `en_cours` needs a price (accepting makes an order of it);
  the admin may revise it while the client has not decided; `accepte` is only the client's.
- Accepting creates an ordinary order (one line named after the service, no product) and its
  `simule` payment through shopping's repositories: paid, cancelled, refunded like any order.
- DELETE: the client deletes drafts only; an admin any quote but an accepted one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from chezflora.application.catalogue.ports import Storage
from chezflora.application.ports import Clock
from chezflora.application.services.portfolio import (
    CreateRealisation,
    CreateService,
    DeleteRealisation,
    DeleteService,
    UpdateRealisation,
    UpdateService,
)
from chezflora.application.services.ports import ServicesUnitOfWork, ServicesUnitOfWorkFactory
from chezflora.application.services.queries import ServiceQueries
from chezflora.application.services.quotes import (
    AcceptQuote,
    AnswerQuote,
    ArchiveQuote,
    CreateQuote,
    DeleteQuote,
    EditQuote,
    ExpireQuotes,
    QuoteEdit,
    QuoteRequest,
    RefuseQuote,
    SubmitQuote,
)
from chezflora.application.unit_of_work import UnitOfWork

__all__ = ["QuoteEdit", "QuoteRequest", "ServicesModule"]


@dataclass(frozen=True)
class ServicesModule:
    create_service: CreateService
    update_service: UpdateService
    delete_service: DeleteService
    create_realisation: CreateRealisation
    update_realisation: UpdateRealisation
    delete_realisation: DeleteRealisation
    create_quote: CreateQuote
    edit_quote: EditQuote
    archive_quote: ArchiveQuote
    submit_quote: SubmitQuote
    answer_quote: AnswerQuote
    accept_quote: AcceptQuote
    refuse_quote: RefuseQuote
    delete_quote: DeleteQuote
    expire_quotes: ExpireQuotes
    queries: ServiceQueries

    @classmethod
    def build(
        cls,
        uow: ServicesUnitOfWorkFactory,
        clock: Clock,
        storage: Storage,
        queries: ServiceQueries,
    ) -> ServicesModule:
        return cls(
            create_service=CreateService(uow, clock),
            update_service=UpdateService(uow),
            delete_service=DeleteService(uow, storage),
            create_realisation=CreateRealisation(uow, clock),
            update_realisation=UpdateRealisation(uow),
            delete_realisation=DeleteRealisation(uow, storage),
            create_quote=CreateQuote(uow, clock),
            edit_quote=EditQuote(uow, clock),
            archive_quote=ArchiveQuote(uow, clock),
            submit_quote=SubmitQuote(uow, clock),
            answer_quote=AnswerQuote(uow, clock),
            accept_quote=AcceptQuote(uow, clock),
            refuse_quote=RefuseQuote(uow, clock),
            delete_quote=DeleteQuote(uow, clock),
            expire_quotes=ExpireQuotes(uow, clock),
            queries=queries,
        )


def _services_uow(uow: UnitOfWork) -> ServicesUnitOfWork:
    # The composition root hands every use case the same unit of work, which carries the
    # service repositories too; the catalogue's photo port only names what it needs.
    return cast(ServicesUnitOfWork, uow)


def service_exists(uow: UnitOfWork, service_id: int) -> bool:
    """Photo target check for `entity_type=service`."""
    return _services_uow(uow).services.get(service_id) is not None


def realisation_exists(uow: UnitOfWork, realisation_id: int) -> bool:
    """Photo target check for `entity_type=realisation`."""
    return _services_uow(uow).realisations.get(realisation_id) is not None
