"""The SQLAlchemy unit of work: one connection, one transaction, repositories bound to it."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from chezflora.adapters.sqlalchemy.queries.photos import UrlFor
from chezflora.adapters.sqlalchemy.repositories.addresses import SqlAddressRepository
from chezflora.adapters.sqlalchemy.repositories.blog import (
    SqlArticleRepository,
    SqlCommentRepository,
    SqlReviewDigestLog,
)
from chezflora.adapters.sqlalchemy.repositories.carts import SqlCartRepository
from chezflora.adapters.sqlalchemy.repositories.catalogue import (
    SqlCategoryRepository,
    SqlProductRepository,
    SqlPromotionRepository,
)
from chezflora.adapters.sqlalchemy.repositories.catalogue_photos import SqlPhotoRepository
from chezflora.adapters.sqlalchemy.repositories.codes import SqlCodeRepository
from chezflora.adapters.sqlalchemy.repositories.idempotency import SqlIdempotencyRepository
from chezflora.adapters.sqlalchemy.repositories.orders import SqlOrderRepository
from chezflora.adapters.sqlalchemy.repositories.outbox import SqlOutbox
from chezflora.adapters.sqlalchemy.repositories.parameters import SqlParameterRepository
from chezflora.adapters.sqlalchemy.repositories.payments import SqlPaymentRepository
from chezflora.adapters.sqlalchemy.repositories.quotes import SqlQuoteRepository
from chezflora.adapters.sqlalchemy.repositories.services import (
    SqlRealisationRepository,
    SqlServiceRepository,
)
from chezflora.adapters.sqlalchemy.repositories.stock import SqlStockRepository
from chezflora.adapters.sqlalchemy.repositories.subscriptions import SqlSubscriptionRepository
from chezflora.adapters.sqlalchemy.repositories.subscriptions_ledger import SqlSubscriptionLedger
from chezflora.adapters.sqlalchemy.repositories.users import SqlUserRepository
from chezflora.adapters.sqlalchemy.repositories.wishlists import SqlWishlistRepository
from chezflora.adapters.sqlalchemy.repositories.workshops import (
    SqlRegistrationRepository,
    SqlWorkshopRepository,
)
from chezflora.application.ports import Clock, EmailDispatcher
from chezflora.application.pricing import PromotionSource
from chezflora.application.unit_of_work import SHARED_TRANSACTION, TransactionConflict

# MariaDB gave up on the transaction: deadlock found (1213), lock wait timeout (1205).
RETRYABLE_MARIADB_ERRORS = frozenset({1213, 1205})
SHARED_MEMBERS = ("users", "codes", "parameters", "outbox")


class SqlAlchemyUnitOfWork:
    """Leaving the block without `commit()` rolls back; committed e-mails are then dispatched."""

    users: SqlUserRepository
    codes: SqlCodeRepository
    parameters: SqlParameterRepository
    outbox: SqlOutbox
    categories: SqlCategoryRepository
    products: SqlProductRepository
    promotions: SqlPromotionRepository
    photos: SqlPhotoRepository
    carts: SqlCartRepository
    addresses: SqlAddressRepository
    orders: SqlOrderRepository
    stock: SqlStockRepository
    payments: SqlPaymentRepository
    wishlists: SqlWishlistRepository
    idempotency: SqlIdempotencyRepository
    subscriptions: SqlSubscriptionRepository
    subscription_ledger: SqlSubscriptionLedger
    workshops: SqlWorkshopRepository
    registrations: SqlRegistrationRepository
    services: SqlServiceRepository
    realisations: SqlRealisationRepository
    quotes: SqlQuoteRepository
    articles: SqlArticleRepository
    comments: SqlCommentRepository
    review_digests: SqlReviewDigestLog

    def __init__(
        self,
        engine: Engine,
        clock: Clock,
        dispatcher: EmailDispatcher,
        url_for: UrlFor | None = None,
        promotions: PromotionSource | None = None,
    ) -> None:
        self._engine, self._clock, self._dispatcher = engine, clock, dispatcher
        self._url_for, self._promotions = url_for, promotions
        self._connection: Connection | None = None
        self._joined: SqlAlchemyUnitOfWork | None = None

    @property
    def connection(self) -> Connection:
        assert self._connection is not None, "use the unit of work inside `with`"
        return self._connection

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        shared = SHARED_TRANSACTION.get()
        if isinstance(shared, SqlAlchemyUnitOfWork) and shared._connection is not None:
            return self._join(shared)
        self._connection = self._engine.connect().execution_options(writer=True)
        self._connection.begin()
        conn = self._connection
        self.users = SqlUserRepository(conn)
        self.codes = SqlCodeRepository(conn)
        self.parameters = SqlParameterRepository(conn)
        self.outbox = SqlOutbox(conn, self._clock)
        if self._url_for is not None or self._promotions is not None:
            # Product cards in answers carry photo URLs; promotions may come from memory.
            self.stock = SqlStockRepository(conn, self._url_for, self._promotions)
        return self

    def _join(self, shared: SqlAlchemyUnitOfWork) -> SqlAlchemyUnitOfWork:
        """Work inside the shared transaction: its connection and repositories; no commit."""
        self._joined = shared
        self._connection = shared.connection
        for name in SHARED_MEMBERS:
            setattr(self, name, getattr(shared, name))
        return self

    def __getattr__(self, name: str) -> Any:
        """A feature repository is made on first use (a request touches few of the many),
        bound to this transaction's connection, or taken from the transaction joined."""
        factory = FEATURE_REPOSITORIES.get(name)
        if factory is None or self.__dict__.get("_connection") is None:
            raise AttributeError(name)
        joined = self.__dict__.get("_joined")
        repository = getattr(joined, name) if joined is not None else factory(self._connection)
        setattr(self, name, repository)
        return repository

    def _unbind_feature_repositories(self) -> None:
        for name in FEATURE_REPOSITORIES:
            self.__dict__.pop(name, None)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._joined is not None:
            # The sharer ends the transaction; a database error reaches it unchanged, and it
            # runs the whole transaction again (its own work included) when that is worth it.
            self._connection, self._joined = None, None
            self._unbind_feature_repositories()
            return
        try:
            self.rollback()
        finally:
            self.connection.close()
            self._connection = None
            self._unbind_feature_repositories()
        if isinstance(exc, DBAPIError) and (_is_retryable(exc) or exc.connection_invalidated):
            # A dropped connection (server restart, idle timeout) is replaced by the pool:
            # running the transaction again on a fresh one is safe, nothing was committed.
            raise TransactionConflict(str(exc.orig)) from exc

    def commit(self) -> None:
        if self._joined is not None:
            return
        self.connection.commit()
        pending = self.outbox.take_recorded()
        if pending:
            self._dispatcher.dispatch(pending)

    def rollback(self) -> None:
        if self._joined is not None:
            return
        if self.connection.in_transaction():
            self.connection.rollback()
        self.outbox.take_recorded()


def _is_retryable(exc: DBAPIError) -> bool:
    args: tuple[object, ...] = getattr(exc.orig, "args", ())
    return bool(args) and args[0] in RETRYABLE_MARIADB_ERRORS


# Later features register their repositories here: attribute name → factory(connection).
FEATURE_REPOSITORIES: dict[str, Any] = {
    "categories": SqlCategoryRepository,
    "products": SqlProductRepository,
    "promotions": SqlPromotionRepository,
    "photos": SqlPhotoRepository,
    "carts": SqlCartRepository,
    "addresses": SqlAddressRepository,
    "orders": SqlOrderRepository,
    "stock": SqlStockRepository,
    "payments": SqlPaymentRepository,
    "wishlists": SqlWishlistRepository,
    "idempotency": SqlIdempotencyRepository,
    "subscriptions": SqlSubscriptionRepository,
    "subscription_ledger": SqlSubscriptionLedger,
    "workshops": SqlWorkshopRepository,
    "registrations": SqlRegistrationRepository,
    "services": SqlServiceRepository,
    "realisations": SqlRealisationRepository,
    "quotes": SqlQuoteRepository,
    "articles": SqlArticleRepository,
    "comments": SqlCommentRepository,
    "review_digests": SqlReviewDigestLog,
}
