"""In-memory doubles of the ports, for use-case tests without a database.

One module per area (identity, shopping, catalogue, subscriptions, workshops, services, blog);
the tables they share are in `tables`, the unit of work that hands them out in `unit_of_work`.
"""

from tests.fakes.clock import FakeClock
from tests.fakes.identity import FakeTokens, PlainHasher, RecordingOutbox
from tests.fakes.tables import Store, Tables
from tests.fakes.unit_of_work import FakeUnitOfWork, FakeUnitOfWorkFactory

__all__ = [
    "FakeClock",
    "FakeTokens",
    "FakeUnitOfWork",
    "FakeUnitOfWorkFactory",
    "PlainHasher",
    "RecordingOutbox",
    "Store",
    "Tables",
]
