"""The SQLAlchemy unit of work: one connection, one transaction, repositories bound to it."""

from __future__ import annotations

from types import TracebackType
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.engine import Engine

from chezflora.adapters.sqlalchemy.repositories.codes import SqlCodeRepository
from chezflora.adapters.sqlalchemy.repositories.outbox import SqlOutbox
from chezflora.adapters.sqlalchemy.repositories.parameters import SqlParameterRepository
from chezflora.adapters.sqlalchemy.repositories.subscriptions import SqlSubscriptionRepository
from chezflora.adapters.sqlalchemy.repositories.subscriptions_ledger import SqlSubscriptionLedger
from chezflora.adapters.sqlalchemy.repositories.users import SqlUserRepository
from chezflora.application.ports import Clock, EmailDispatcher


class SqlAlchemyUnitOfWork:
    """Leaving the block without `commit()` rolls back; committed e-mails are then dispatched."""

    users: SqlUserRepository
    codes: SqlCodeRepository
    parameters: SqlParameterRepository
    outbox: SqlOutbox
    subscriptions: SqlSubscriptionRepository
    subscription_ledger: SqlSubscriptionLedger

    def __init__(self, engine: Engine, clock: Clock, dispatcher: EmailDispatcher) -> None:
        self._engine, self._clock, self._dispatcher = engine, clock, dispatcher
        self._connection: Connection | None = None

    @property
    def connection(self) -> Connection:
        assert self._connection is not None, "use the unit of work inside `with`"
        return self._connection

    def __enter__(self) -> SqlAlchemyUnitOfWork:
        self._connection = self._engine.connect().execution_options(writer=True)
        self._connection.begin()
        conn = self._connection
        self.users = SqlUserRepository(conn)
        self.codes = SqlCodeRepository(conn)
        self.parameters = SqlParameterRepository(conn)
        self.outbox = SqlOutbox(conn, self._clock)
        self._bind_feature_repositories(conn)
        return self

    def _bind_feature_repositories(self, conn: Connection) -> None:
        for name, factory in FEATURE_REPOSITORIES.items():
            setattr(self, name, factory(conn))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self.rollback()
        finally:
            self.connection.close()
            self._connection = None

    def commit(self) -> None:
        self.connection.commit()
        pending = self.outbox.take_recorded()
        if pending:
            self._dispatcher.dispatch(pending)

    def rollback(self) -> None:
        if self.connection.in_transaction():
            self.connection.rollback()
        self.outbox.take_recorded()


# Later features register their repositories here: attribute name → factory(connection).
FEATURE_REPOSITORIES: dict[str, Any] = {
    "subscriptions": SqlSubscriptionRepository,
    "subscription_ledger": SqlSubscriptionLedger,
}
