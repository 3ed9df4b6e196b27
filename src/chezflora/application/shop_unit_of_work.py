"""The unit of work of the whole shop: every feature's repositories in one transaction.

`build_container` takes a factory of these; each feature module is given it under its own,
narrower protocol. The SQL unit of work satisfies it (bootstrap proves it to mypy) and so does
the in-memory one of the tests, so every use case can run on either.
"""

from __future__ import annotations

from typing import Protocol

from chezflora.application.blog.ports import BlogUnitOfWork
from chezflora.application.catalogue.ports import CatalogueUnitOfWork
from chezflora.application.services.ports import ServicesUnitOfWork
from chezflora.application.subscriptions.ports import SubscriptionUnitOfWork
from chezflora.application.workshops.ports import WorkshopUnitOfWork


class ShopUnitOfWork(
    CatalogueUnitOfWork,
    SubscriptionUnitOfWork,
    WorkshopUnitOfWork,
    ServicesUnitOfWork,
    BlogUnitOfWork,
    Protocol,
):
    """Identity and shopping (the base `UnitOfWork`) plus every later feature's members."""

    def __enter__(self) -> ShopUnitOfWork: ...


class ShopUnitOfWorkFactory(Protocol):
    def __call__(self) -> ShopUnitOfWork: ...
