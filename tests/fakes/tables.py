"""The in-memory database: one dict (or set) per table, shared by every fake repository.

A unit of work works on a deep copy of these tables and writes them back on commit only, so a
rolled-back unit leaves no trace. Ids come from one counter that never goes back (like
AUTO_INCREMENT, an id taken by a rolled-back insert is not reused).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from chezflora.application.catalogue.ports import PromotionDraft
from chezflora.application.ports import OutgoingEmail
from chezflora.domain.address import Address
from chezflora.domain.article import Article
from chezflora.domain.cart import Cart
from chezflora.domain.catalogue import Category, Product
from chezflora.domain.comment import Comment
from chezflora.domain.idempotency import StoredResponse
from chezflora.domain.one_time_code import OneTimeCode
from chezflora.domain.order import Order
from chezflora.domain.parameter import Parameter
from chezflora.domain.payment import Payment
from chezflora.domain.photo import Photo
from chezflora.domain.quote import Quote
from chezflora.domain.service import Realisation, Service
from chezflora.domain.subscription import Subscription
from chezflora.domain.user import User
from chezflora.domain.workshop import Registration, Workshop


@dataclass
class Tables:
    users: dict[int, User] = field(default_factory=dict)
    codes: dict[int, OneTimeCode] = field(default_factory=dict)
    parameters: dict[int, Parameter] = field(default_factory=dict)
    categories: dict[int, Category] = field(default_factory=dict)
    products: dict[int, Product] = field(default_factory=dict)
    promotions: dict[int, PromotionDraft] = field(default_factory=dict)
    # (promotion id, product id): the promotion_products link table
    promotion_links: set[tuple[int, int]] = field(default_factory=set)
    photos: dict[int, Photo] = field(default_factory=dict)
    photo_uploaded_at: dict[int, datetime] = field(default_factory=dict)
    free_images: dict[int, str] = field(default_factory=dict)
    carts: dict[int, Cart] = field(default_factory=dict)
    # (cart id, product id) → line id
    cart_line_ids: dict[tuple[int, int], int] = field(default_factory=dict)
    addresses: dict[int, Address] = field(default_factory=dict)
    orders: dict[int, Order] = field(default_factory=dict)
    payments: dict[int, Payment] = field(default_factory=dict)
    wishlists: dict[int, int] = field(default_factory=dict)  # wishlist id → client id
    wishlist_products: set[tuple[int, int]] = field(default_factory=set)
    idempotency: dict[tuple[int, str], StoredResponse] = field(default_factory=dict)
    subscriptions: dict[int, Subscription] = field(default_factory=dict)
    workshops: dict[int, Workshop] = field(default_factory=dict)
    registrations: dict[int, Registration] = field(default_factory=dict)
    reminded_at: dict[int, datetime] = field(default_factory=dict)
    services: dict[int, Service] = field(default_factory=dict)
    realisations: dict[int, Realisation] = field(default_factory=dict)
    quotes: dict[int, Quote] = field(default_factory=dict)
    articles: dict[int, Article] = field(default_factory=dict)
    comments: dict[int, Comment] = field(default_factory=dict)
    # (sent at, last comment id, comment count), oldest first: comment_review_digests
    review_digests: list[tuple[datetime, int, int]] = field(default_factory=list)

    def snapshot(self) -> Tables:
        return Tables(**{f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(Tables)})

    def replace_with(self, other: Tables) -> None:
        for f in fields(Tables):
            setattr(self, f.name, copy.deepcopy(getattr(other, f.name)))

    def delivery_taken(self, subscription_id: int, delivery_date: date | None) -> bool:
        """UNIQUE (abonnement_id, date_livraison) of orders."""
        return any(
            o.subscription_id == subscription_id and o.delivery_date == delivery_date
            for o in self.orders.values()
        )


class Store(Tables):
    """Committed state shared by every FakeUnitOfWork of one test, with the sent e-mails."""

    def __init__(self) -> None:
        super().__init__()
        self.emails: list[OutgoingEmail] = []
        self.next_id = 1

    def new_id(self) -> int:
        self.next_id += 1
        return self.next_id
