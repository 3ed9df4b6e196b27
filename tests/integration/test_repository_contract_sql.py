"""The identity repository contract on SQLAlchemy, SQLite and MariaDB."""

import pytest

from tests.repository_contract import CONTRACT


@pytest.mark.parametrize("clause", CONTRACT, ids=lambda clause: clause.__name__)
def test_sql_repositories_honour_the_contract(clause, container):
    clause(container.uow)
