"""`build_container(unit_of_work=FakeUnitOfWorkFactory())`: the use cases the container wires run
on the in-memory fakes, end to end (quote to order, comments and their digest, an idempotent
checkout), and the database is never touched: its engine is an empty in-memory SQLite one whose
connections are counted.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import sqlalchemy as sa

from chezflora.application.blog.articles import ArticleInput
from chezflora.application.blog.comments import NewComment
from chezflora.application.idempotency import Fresh, RecordedAnswer, Replayed
from chezflora.application.ports import OutgoingEmail
from chezflora.application.services import QuoteRequest
from chezflora.application.services.commands import NewService
from chezflora.application.shop_unit_of_work import ShopUnitOfWork
from chezflora.bootstrap import Container, build_container
from chezflora.config import Settings
from chezflora.domain.moderation import ModerationState, Verdict
from chezflora.domain.order import OrderStatus
from chezflora.domain.payment import PaymentStatus, TransactionType
from chezflora.domain.quote import QuoteStatus
from chezflora.domain.user import Role
from tests.fakes import FakeUnitOfWork, PlainHasher
from tests.unit.application.world import World, money


@dataclass
class RecordingSender:
    sent: list[OutgoingEmail] = field(default_factory=list)

    def send(self, email: OutgoingEmail) -> None:
        self.sent.append(email)


@dataclass
class RecordingDispatcher:
    dispatched: list[list[int]] = field(default_factory=list)

    def dispatch(self, email_ids: list[int]) -> None:
        self.dispatched.append(email_ids)


class KeywordModerator:
    """Holds any text that mentions a price; publishes the rest."""

    def review(self, text: str) -> Verdict:
        return Verdict.hold("Prix cité") if "FCFA" in text else Verdict.publish()


@dataclass
class Shop:
    container: Container
    world: World
    engine: sa.Engine
    checkouts: list[object]
    sender: RecordingSender
    dispatcher: RecordingDispatcher


@pytest.fixture
def shop(tmp_path) -> Iterator[Shop]:
    world = World()
    engine = sa.create_engine("sqlite://")
    checkouts: list[object] = []
    sa.event.listen(engine, "checkout", lambda *args: checkouts.append(args))
    sender, dispatcher = RecordingSender(), RecordingDispatcher()
    container = build_container(
        Settings(data_dir=tmp_path, database_url="sqlite://", jwt_secret="s" * 40),
        unit_of_work=world.uow,
        engine=engine,
        clock=world.clock,
        hasher=PlainHasher(),
        email_sender=sender,
        dispatcher=dispatcher,
        moderator=KeywordModerator(),
    )
    yield Shop(container, world, engine, checkouts, sender, dispatcher)
    container.close()


@pytest.fixture(autouse=True)
def _no_database_use(shop: Shop) -> Iterator[None]:
    yield
    assert shop.checkouts == []  # not one connection taken from the pool
    assert sa.inspect(shop.engine).get_table_names() == []
    # E-mails stay in the fake outbox: nothing was handed to the real delivery path.
    assert (shop.sender.sent, shop.dispatcher.dispatched) == ([], [])


def test_every_feature_runs_on_the_given_unit_of_work(shop):
    container, world = shop.container, shop.world
    assert container.uow is world.uow
    with container.uow() as work:
        assert isinstance(work, FakeUnitOfWork)
        # Every member the shop's unit of work promises is there, of every feature.
        missing = [name for name in _members(ShopUnitOfWork) if not hasattr(work, name)]
        assert missing == []


def _members(protocol: type) -> set[str]:
    return {
        name
        for klass in protocol.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, property)
    }


def test_a_quote_submitted_answered_and_accepted_becomes_an_order(shop):
    services, world = shop.container.services, shop.world
    admin, awa = world.person("admin", Role.ADMIN), world.person("awa")
    address_id = world.address(awa)
    service_id = services.create_service(NewService("Mariage", "Fleurs pour le grand jour"))

    quote_id = services.create_quote(
        awa, QuoteRequest(service_id, "Arche de roses", money("150.00"))
    )
    services.submit_quote(awa, quote_id)
    services.answer_quote(admin, quote_id, "en_cours", money("180.00"), "Roses et pivoines")
    accepted = services.accept_quote(awa, quote_id)

    assert accepted.statut is QuoteStatus.ACCEPTE and accepted.commande_id is not None
    order = world.order(accepted.commande_id)
    assert (order.client_id, order.status, order.address_id) == (
        awa.user_id,
        OrderStatus.EN_ATTENTE,
        address_id,
    )
    assert order.total == money("180.00")
    # As written (reading an order back restores product lines only, as the SQL one does).
    written = world.uow.store.orders[order.id].lines
    assert [(line.product_name, line.quantity, line.unit_price) for line in written] == [
        ("Mariage", 1, money("180.00"))
    ]
    [payment] = world.payments_of(order.id)
    assert (payment.kind, payment.status, payment.amount) == (
        TransactionType.COMMANDE,
        PaymentStatus.SIMULE,
        money("180.00"),
    )
    with world.uow() as work:
        stored = work.quotes.get(quote_id)
    assert (stored.statut, stored.commande_id) == (QuoteStatus.ACCEPTE, order.id)
    assert world.emails_to("admin") == ["devis_soumis"]
    assert world.emails_to("awa") == ["devis_reponse", "devis_accepte"]


def test_comments_are_moderated_answered_and_the_held_ones_reach_the_admins(shop):
    blog, world = shop.container.blog, shop.world
    admin, awa = world.person("admin", Role.ADMIN), world.person("awa")
    article_id = blog.create_article(
        admin, ArticleInput(titre="Les pivoines", contenu="<p>Au soleil.</p>")
    )

    published = blog.post_comment(awa, NewComment(article_id, "Magnifique bouquet"))
    held = blog.post_comment(awa, NewComment(article_id, "Je vends les miennes 500 FCFA"))
    reply = blog.post_comment(admin, NewComment(article_id, "Merci !", published.id))

    assert (published.state, held.state, reply.state) == (
        ModerationState.PUBLIE,
        ModerationState.EN_ATTENTE,
        ModerationState.PUBLIE,
    )
    with world.uow() as work:
        assert work.comments.ids_by_client(awa.user_id) == [published.id, held.id]
        assert work.comments.get(reply.id).parent_id == published.id
    assert world.emails_to("awa") == ["commentaire_reponse"]

    report = blog.held_digest()

    assert (report.held, report.emails) == (1, 1)
    assert len(world.emails_to("admin")) == 1
    with world.uow() as work:
        assert work.review_digests.last() == (world.clock.now(), held.id)
        assert work.comments.held_unnotified() == []


def test_an_idempotent_checkout_runs_once_in_the_guards_transaction(shop):
    container, world = shop.container, shop.world
    awa = world.person("awa")
    rose = world.product("Rose", "12.50", stock=5)
    cart_id, address_id = world.cart(awa, {rose: 2}), world.address(awa)

    def check_out() -> RecordedAnswer:
        placed = container.shopping.check_out(awa, cart_id, address_id)
        return RecordedAnswer(201, str(placed.order_id).encode())

    first = container.idempotency.run(awa.user_id, "clé-1", "panier", check_out, atomic=True)
    again = container.idempotency.run(awa.user_id, "clé-1", "panier", check_out, atomic=True)

    assert isinstance(first, Fresh) and isinstance(again, Replayed)
    assert again.answer == first.answer
    order = world.order(int(first.answer.payload))
    assert (order.total, world.stock(rose)) == (money("25.00"), 3)
    assert len(world.uow.store.orders) == 1
    assert world.emails_to("awa") == ["order_confirmation"]
