"""The composition root: every entrypoint and every test builds its world here (the adapters
that the settings alone choose are in `from_settings.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from redis import Redis
from sqlalchemy.engine import Engine

from chezflora.adapters.argon2_hasher import Argon2PasswordHasher, argon2id
from chezflora.adapters.clock import SystemClock
from chezflora.adapters.email.dispatch import InlineEmailDispatcher
from chezflora.adapters.html_sanitizer import Nh3HtmlSanitizer
from chezflora.adapters.images import PillowImageProcessor
from chezflora.adapters.jobs.module import JobsModule, Transport
from chezflora.adapters.jwt_tokens import JwtTokenIssuer
from chezflora.adapters.read_cache import LocalVersions, RedisVersions, VersionedReadCache
from chezflora.adapters.sqlalchemy.change_tracking import track_committed_writes
from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.queries.blog import SqlBlogQueries
from chezflora.adapters.sqlalchemy.queries.catalogue import SqlCatalogueQueries
from chezflora.adapters.sqlalchemy.queries.csv_exports import SqlCsvExports, described
from chezflora.adapters.sqlalchemy.queries.dashboard import SqlDashboardQueries
from chezflora.adapters.sqlalchemy.queries.identity import SqlParameterQueries, SqlUserQueries
from chezflora.adapters.sqlalchemy.queries.promotions import (
    SqlCurrentPromotions,
)
from chezflora.adapters.sqlalchemy.queries.services import SqlServiceQueries
from chezflora.adapters.sqlalchemy.queries.shopping import SqlShoppingRows
from chezflora.adapters.sqlalchemy.queries.stock import SqlLowStockQuery
from chezflora.adapters.sqlalchemy.queries.stock_levels import SqlStockLevels
from chezflora.adapters.sqlalchemy.queries.subscriptions import SqlSubscriptionQueries
from chezflora.adapters.sqlalchemy.queries.workshops import SqlWorkshopQueries
from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.adapters.sqlalchemy.repositories.synthetic_products import SqlSyntheticProducts
from chezflora.adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from chezflora.adapters.storage import LocalFolderStorage
from chezflora.application.blog import BlogModule
from chezflora.application.blog.erasure import BlogPersonalData
from chezflora.application.blog.ports import Moderator
from chezflora.application.catalogue.module import CatalogueModule
from chezflora.application.catalogue.photos import PRODUCT_TARGET
from chezflora.application.contact import SendContactMessage
from chezflora.application.current_promotions import CurrentPromotions
from chezflora.application.dashboard import DashboardQueries
from chezflora.application.exports import CsvExports
from chezflora.application.fresh_stock import FreshStock
from chezflora.application.idempotency import IdempotencyGuard
from chezflora.application.identity import IdentityUseCases
from chezflora.application.identity.queries import ParameterQueries, UserQueries
from chezflora.application.operations import OperationsUseCases
from chezflora.application.parameters import DeleteParameter, SaveParameter
from chezflora.application.ports import (
    Clock,
    EmailDispatcher,
    EmailSender,
    PasswordHasher,
    RateLimiter,
)
from chezflora.application.read_cache import CATALOGUE, ReadCache
from chezflora.application.seeding import SyntheticProducts
from chezflora.application.services import ServicesModule, realisation_exists, service_exists
from chezflora.application.services.erasure import QuotePersonalData
from chezflora.application.shop_unit_of_work import ShopUnitOfWork, ShopUnitOfWorkFactory
from chezflora.application.shopping.erasure import ShoppingPersonalData
from chezflora.application.shopping.module import ShoppingModule
from chezflora.application.subscriptions import SubscriptionsModule
from chezflora.application.subscriptions.erasure import SubscriptionPersonalData
from chezflora.application.workshops import WorkshopsModule
from chezflora.application.workshops.erasure import WorkshopPersonalData
from chezflora.bootstrap.from_settings import (
    email_sender_for,
    moderator_for,
    rate_limiter_for,
)
from chezflora.config import Settings, ensure_jwt_secret
from chezflora.domain.payment import TransactionType
from chezflora.domain.service import REALISATION_NOT_FOUND, SERVICE_NOT_FOUND

# Which cached reads a committed write to each table makes stale.
CACHE_NAMESPACES = {
    **dict.fromkeys(
        ("categories", "products", "promotions", "promotion_products", "photos", "parameters"),
        CATALOGUE,
    ),
    "users": "accounts",
    # carts and cart_items: the cart repository names the client's group (`cart_namespace`);
    # stock moves name their products' stock (`stock_namespace`). Neither flushes a namespace.
}


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
    read_cache: ReadCache
    fresh_stock: FreshStock
    identity: IdentityUseCases
    users: UserQueries
    dashboard: DashboardQueries
    parameters: ParameterQueries
    save_parameter: SaveParameter
    delete_parameter: DeleteParameter
    send_contact_message: SendContactMessage
    subscriptions: SubscriptionsModule
    uow: ShopUnitOfWorkFactory
    catalogue: CatalogueModule
    jobs: JobsModule
    shopping: ShoppingModule
    idempotency: IdempotencyGuard
    workshops: WorkshopsModule
    services: ServicesModule
    blog: BlogModule
    exports: CsvExports
    synthetic_products: SyntheticProducts

    def close(self) -> None:
        self.jobs.broker.close()
        self.read_cache.close()
        self.engine.dispose()
        if self.redis is not None:
            self.redis.close()


def build_container(
    settings: Settings,
    *,
    clock: Clock | None = None,
    engine: Engine | None = None,
    redis: Redis | None = None,
    hasher: PasswordHasher | None = None,
    email_sender: EmailSender | None = None,
    dispatcher: EmailDispatcher | None = None,
    read_cache: ReadCache | None = None,
    rate_limiter: RateLimiter | None = None,
    moderator: Moderator | None = None,
    unit_of_work: ShopUnitOfWorkFactory | None = None,
    inline_email: bool = False,
) -> Container:
    """Wire adapters to use cases; each keyword replaces one adapter (None: the configured one).

    `unit_of_work` replaces the SQL unit of work of every use case (writes); the query objects
    (reads) stay on `engine`. `inline_email=True` delivers e-mails in the committing thread (CLI
    commands without Redis).
    """
    settings = ensure_jwt_secret(settings)
    clock = clock or SystemClock()
    engine = engine or make_engine(settings.resolved_database_url)
    if redis is None and settings.redis_url:
        redis = Redis.from_url(settings.redis_url)
    hasher = hasher or Argon2PasswordHasher(
        argon2id(settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_parallelism)
    )
    sender = email_sender or email_sender_for(settings)
    outbox = OutboxStore(engine)
    transport = Transport.build(settings, redis)
    dispatcher = dispatcher or (
        InlineEmailDispatcher(outbox, sender, clock)
        if inline_email
        else transport.email_dispatcher()
    )
    tokens = JwtTokenIssuer(
        settings.jwt_secret,
        clock,
        timedelta(minutes=settings.access_token_minutes),
        timedelta(days=settings.refresh_token_days),
    )

    read_cache = read_cache or VersionedReadCache(
        RedisVersions(redis, known=set(CACHE_NAMESPACES.values()))
        if redis is not None
        else LocalVersions(),
        # The application's clock, so prices that change with time expire with it.
        now=lambda: clock.now().timestamp(),
    )
    track_committed_writes(
        engine,
        CACHE_NAMESPACES,
        lambda names: read_cache.invalidate({CACHE_NAMESPACES.get(n, n) for n in names}),
    )

    # Carts and checkouts price with the promotions kept in memory per catalogue version.
    promotions = CurrentPromotions(SqlCurrentPromotions(engine), read_cache)

    def sql_unit_of_work() -> ShopUnitOfWork:
        # Photo URLs: cart answers are built from the write's own reads (storage below).
        return SqlAlchemyUnitOfWork(engine, clock, dispatcher, storage.url, promotions)

    # Given (tests: the in-memory one), every use case below runs on it; reads stay on `engine`.
    uow: ShopUnitOfWorkFactory = unit_of_work or sql_unit_of_work

    storage = LocalFolderStorage(settings.media_dir, f"{settings.public_base_url}/media")
    subscriptions = SubscriptionsModule.build(
        uow,
        clock,
        ZoneInfo(settings.shop_timezone),
        SqlSubscriptionQueries(engine, storage.url),
    )
    workshops = WorkshopsModule.build(
        uow, clock, ZoneInfo(settings.shop_timezone), SqlWorkshopQueries(engine)
    )

    return Container(
        settings=settings,
        clock=clock,
        engine=engine,
        redis=redis,
        hasher=hasher,
        email_sender=sender,
        outbox=outbox,
        dispatcher=dispatcher,
        rate_limiter=rate_limiter or rate_limiter_for(settings, redis),
        read_cache=read_cache,
        # Cached pages show the stock read now, not the stock they were computed with.
        fresh_stock=FreshStock(read_cache, SqlStockLevels(engine)),
        identity=IdentityUseCases.build(
            uow,
            clock,
            hasher,
            tokens,
            [
                ShoppingPersonalData(),
                SubscriptionPersonalData(),
                WorkshopPersonalData(ZoneInfo(settings.shop_timezone)),
                QuotePersonalData(),
                BlogPersonalData(),
            ],
        ),
        users=SqlUserQueries(engine),
        dashboard=SqlDashboardQueries(engine),
        parameters=SqlParameterQueries(engine),
        save_parameter=SaveParameter(uow, clock),
        delete_parameter=DeleteParameter(uow),
        send_contact_message=SendContactMessage(uow, settings.support_email),
        subscriptions=subscriptions,
        uow=uow,
        catalogue=CatalogueModule.build(
            uow,
            clock,
            SqlCatalogueQueries(engine, storage.url),
            promotions,
            PillowImageProcessor(),
            storage,
            photo_targets={
                **PRODUCT_TARGET,
                "service": (service_exists, SERVICE_NOT_FOUND),
                "realisation": (realisation_exists, REALISATION_NOT_FOUND),
            },
        ),
        jobs=JobsModule.build(
            settings,
            transport,
            outbox,
            dispatcher,
            clock,
            OperationsUseCases.build(uow, clock, SqlLowStockQuery(engine)),
        ),
        shopping=ShoppingModule.build(
            uow,
            clock,
            SqlShoppingRows(engine, storage.url),
            ZoneInfo(settings.shop_timezone),
            # A simulated or refunded subscription payment moves its subscription too.
            payment_hooks={
                TransactionType.ABONNEMENT: subscriptions.payment_hook,
                TransactionType.ATELIER: workshops.payment_hook,
            },
        ),
        # Checkout, payment simulation and subscription creation share one key store (§4).
        idempotency=IdempotencyGuard(uow, clock),
        workshops=workshops,
        services=ServicesModule.build(uow, clock, storage, SqlServiceQueries(engine, storage.url)),
        blog=BlogModule.build(
            uow,
            clock,
            SqlBlogQueries(engine, storage.url),
            moderator or moderator_for(settings),
            Nh3HtmlSanitizer(),
            PillowImageProcessor(),
            storage,
        ),
        exports=SqlCsvExports(engine),
        synthetic_products=SqlSyntheticProducts(engine),
    )


def export_descriptions() -> Mapping[str, str]:
    """The CSV exports' names and descriptions, before any container exists (CLI help)."""
    return described()
