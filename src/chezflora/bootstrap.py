"""The composition root: every entrypoint and every test builds its world here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from redis import Redis
from sqlalchemy.engine import Engine

from chezflora.adapters.argon2_hasher import Argon2PasswordHasher
from chezflora.adapters.clock import SystemClock
from chezflora.adapters.email.dispatch import ThreadedEmailDispatcher
from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.adapters.email.senders import FileEmailSender, SmtpEmailSender
from chezflora.adapters.jwt_tokens import JwtTokenIssuer
from chezflora.adapters.rate_limit import MemoryRateLimiter, NoRateLimiter, RedisRateLimiter
from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.queries.identity import SqlParameterQueries, SqlUserQueries
from chezflora.adapters.sqlalchemy.queries.subscriptions import SqlSubscriptionQueries
from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.adapters.sqlalchemy.repositories.subscriptions_idempotency import (
    SqlIdempotencyKeyStore,
)
from chezflora.adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from chezflora.application.identity import IdentityUseCases
from chezflora.application.parameters import DeleteParameter, SaveParameter
from chezflora.application.ports import (
    Clock,
    EmailDispatcher,
    EmailSender,
    PasswordHasher,
    RateLimiter,
)
from chezflora.application.subscriptions import SubscriptionsModule
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.config import Settings, ensure_jwt_secret


@dataclass
class Container:
    settings: Settings
    clock: Clock
    engine: Engine
    redis: Redis | None
    hasher: PasswordHasher
    email_sender: EmailSender
    outbox: OutboxStore
    dispatcher: EmailDispatcher
    rate_limiter: RateLimiter
    identity: IdentityUseCases
    users: SqlUserQueries
    parameters: SqlParameterQueries
    save_parameter: SaveParameter
    delete_parameter: DeleteParameter
    subscriptions: SubscriptionsModule
    uow: UnitOfWorkFactory

    def close(self) -> None:
        self.engine.dispose()
        if self.redis is not None:
            self.redis.close()


def build_container(settings: Settings, **overrides: Any) -> Container:
    """Wire adapters to use cases; `overrides` replace any adapter (clock, email_sender, ...)."""
    settings = ensure_jwt_secret(settings)
    clock: Clock = overrides.get("clock") or SystemClock()
    engine: Engine = overrides.get("engine") or make_engine(settings.resolved_database_url)
    redis = overrides.get("redis")
    if redis is None and settings.redis_url:
        redis = Redis.from_url(settings.redis_url)
    hasher: PasswordHasher = overrides.get("hasher") or Argon2PasswordHasher()
    sender: EmailSender = overrides.get("email_sender") or _email_sender(settings)
    outbox = OutboxStore(engine)
    dispatcher: EmailDispatcher = overrides.get("dispatcher") or ThreadedEmailDispatcher(
        outbox, sender, clock
    )
    tokens = JwtTokenIssuer(
        settings.jwt_secret,
        clock,
        timedelta(minutes=settings.access_token_minutes),
        timedelta(days=settings.refresh_token_days),
    )

    def uow() -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(engine, clock, dispatcher)

    return Container(
        settings=settings,
        clock=clock,
        engine=engine,
        redis=redis,
        hasher=hasher,
        email_sender=sender,
        outbox=outbox,
        dispatcher=dispatcher,
        rate_limiter=overrides.get("rate_limiter") or _rate_limiter(settings, redis),
        identity=IdentityUseCases.build(uow, clock, hasher, tokens),
        users=SqlUserQueries(engine),
        parameters=SqlParameterQueries(engine),
        save_parameter=SaveParameter(uow, clock),
        delete_parameter=DeleteParameter(uow),
        subscriptions=SubscriptionsModule.build(
            uow,
            clock,
            ZoneInfo(settings.shop_timezone),
            SqlSubscriptionQueries(engine),
            SqlIdempotencyKeyStore(engine),
        ),
        uow=uow,
    )


def _email_sender(settings: Settings) -> EmailSender:
    renderer = EmailRenderer(settings.mail_from)
    if settings.smtp_host:
        return SmtpEmailSender(
            renderer,
            settings.smtp_host,
            settings.smtp_port,
            settings.smtp_username,
            settings.smtp_password,
            settings.smtp_starttls,
        )
    return FileEmailSender(settings.outbox_dir, renderer)


def _rate_limiter(settings: Settings, redis: Redis | None) -> RateLimiter:
    if not settings.throttle_enabled:
        return NoRateLimiter()
    if redis is not None:
        return RedisRateLimiter(redis, settings.throttle_rates)
    return MemoryRateLimiter(settings.throttle_rates)
