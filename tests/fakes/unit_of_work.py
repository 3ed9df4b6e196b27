"""The fake unit of work: every repository of the SQL one, over a private copy of the tables."""

from __future__ import annotations

from types import TracebackType

from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import SHARED_TRANSACTION
from tests.fakes.blog import InMemoryArticles, InMemoryComments, InMemoryReviewDigests
from tests.fakes.catalogue import (
    InMemoryCategories,
    InMemoryPhotos,
    InMemoryProducts,
    InMemoryPromotions,
)
from tests.fakes.identity import InMemoryCodes, InMemoryParameters, InMemoryUsers, RecordingOutbox
from tests.fakes.services import InMemoryQuotes, InMemoryRealisations, InMemoryServices
from tests.fakes.shopping import (
    InMemoryAddresses,
    InMemoryCarts,
    InMemoryIdempotency,
    InMemoryOrders,
    InMemoryPayments,
    InMemoryStock,
    InMemoryWishlists,
)
from tests.fakes.subscriptions import InMemorySubscriptionLedger, InMemorySubscriptions
from tests.fakes.tables import Store, Tables
from tests.fakes.workshops import InMemoryRegistrations, InMemoryWorkshops


class FakeUnitOfWork:
    """Works on a deep copy of the committed tables; only `commit()` writes it back.

    Satisfies ShopUnitOfWork (so every feature's unit of work): the SQL one's members, all.
    Opened while another is shared (`sharing`), it joins that one and leaves it the commit.
    """

    users: InMemoryUsers
    codes: InMemoryCodes
    parameters: InMemoryParameters
    outbox: RecordingOutbox
    categories: InMemoryCategories
    products: InMemoryProducts
    promotions: InMemoryPromotions
    photos: InMemoryPhotos
    carts: InMemoryCarts
    addresses: InMemoryAddresses
    orders: InMemoryOrders
    stock: InMemoryStock
    payments: InMemoryPayments
    wishlists: InMemoryWishlists
    idempotency: InMemoryIdempotency
    subscriptions: InMemorySubscriptions
    subscription_ledger: InMemorySubscriptionLedger
    workshops: InMemoryWorkshops
    registrations: InMemoryRegistrations
    services: InMemoryServices
    realisations: InMemoryRealisations
    quotes: InMemoryQuotes
    articles: InMemoryArticles
    comments: InMemoryComments
    review_digests: InMemoryReviewDigests

    def __init__(self, store: Store) -> None:
        self._store = store
        self._joined: FakeUnitOfWork | None = None
        self._work = Tables()

    def __enter__(self) -> FakeUnitOfWork:
        shared = SHARED_TRANSACTION.get()
        if isinstance(shared, FakeUnitOfWork):
            self._joined = shared
            self._bind(shared._work, shared.outbox)
            return self
        self._bind(self._store.snapshot(), RecordingOutbox())
        return self

    def _bind(self, work: Tables, outbox: RecordingOutbox) -> None:
        self._work, self.outbox = work, outbox
        for name, repository in REPOSITORIES.items():
            setattr(self, name, repository(work, self._store))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._joined is None:
            self.rollback()
        self._joined = None

    def commit(self) -> None:
        if self._joined is not None:
            return
        self._store.replace_with(self._work)
        self._store.emails.extend(self.outbox.recorded)
        self.outbox.recorded = []

    def rollback(self) -> None:
        if self._joined is not None:
            return
        self._work = self._store.snapshot()
        self._bind(self._work, RecordingOutbox())


REPOSITORIES = {
    "users": InMemoryUsers,
    "codes": InMemoryCodes,
    "parameters": InMemoryParameters,
    "categories": InMemoryCategories,
    "products": InMemoryProducts,
    "promotions": InMemoryPromotions,
    "photos": InMemoryPhotos,
    "carts": InMemoryCarts,
    "addresses": InMemoryAddresses,
    "orders": InMemoryOrders,
    "stock": InMemoryStock,
    "payments": InMemoryPayments,
    "wishlists": InMemoryWishlists,
    "idempotency": InMemoryIdempotency,
    "subscriptions": InMemorySubscriptions,
    "subscription_ledger": InMemorySubscriptionLedger,
    "workshops": InMemoryWorkshops,
    "registrations": InMemoryRegistrations,
    "services": InMemoryServices,
    "realisations": InMemoryRealisations,
    "quotes": InMemoryQuotes,
    "articles": InMemoryArticles,
    "comments": InMemoryComments,
    "review_digests": InMemoryReviewDigests,
}


class FakeUnitOfWorkFactory:
    def __init__(self) -> None:
        self.store = Store()

    def __call__(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self.store)

    @property
    def emails(self) -> list[OutgoingEmail]:
        return self.store.emails
