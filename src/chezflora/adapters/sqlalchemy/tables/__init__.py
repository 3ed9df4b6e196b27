"""All tables on one MetaData; importing this package imports every feature's tables."""

from chezflora.adapters.sqlalchemy.tables import (
    blog,
    catalogue,
    identity,
    services,
    shopping,
    subscriptions,
    workshops,
)
from chezflora.adapters.sqlalchemy.tables.metadata import metadata

__all__ = [
    "blog",
    "catalogue",
    "identity",
    "metadata",
    "services",
    "shopping",
    "subscriptions",
    "workshops",
]
