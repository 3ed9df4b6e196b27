"""The identity repository contract on the in-memory fakes."""

import pytest

from tests.fakes import FakeUnitOfWorkFactory
from tests.repository_contract import CONTRACT


@pytest.mark.parametrize("clause", CONTRACT, ids=lambda clause: clause.__name__)
def test_fakes_honour_the_contract(clause):
    clause(FakeUnitOfWorkFactory())
