"""One contract for every repository, run on the in-memory fakes (unit) and on SQLAlchemy over
SQLite and MariaDB (integration) with the same clause list: the fakes must not lie.

A clause takes a unit-of-work factory on empty tables; one module per area.
"""

from tests.repository_contract.blog import BLOG
from tests.repository_contract.catalogue import CATALOGUE
from tests.repository_contract.identity import IDENTITY
from tests.repository_contract.rollback import ROLLBACK
from tests.repository_contract.services import SERVICES
from tests.repository_contract.shopping import SHOPPING
from tests.repository_contract.subscriptions import SUBSCRIPTIONS
from tests.repository_contract.workshops import WORKSHOPS

CONTRACT = [
    *IDENTITY,
    *ROLLBACK,
    *SHOPPING,
    *CATALOGUE,
    *SUBSCRIPTIONS,
    *WORKSHOPS,
    *SERVICES,
    *BLOG,
]
