"""A transaction the database aborted (deadlock 1213, lock wait 1205) is run again, a few times."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from chezflora.adapters.sqlalchemy.engine import make_engine
from chezflora.adapters.sqlalchemy.unit_of_work import SqlAlchemyUnitOfWork
from chezflora.application.shopping.common import ATTEMPTS, retrying
from chezflora.application.unit_of_work import TransactionConflict
from chezflora.domain.errors import Conflict
from tests.fakes import FakeClock


class _Dispatcher:
    def dispatch(self, email_ids: list[int]) -> None:
        pass


def _mariadb_error(code: int) -> OperationalError:
    return OperationalError("UPDATE products ...", {}, Exception(code, "Deadlock found"))


@pytest.mark.parametrize("code", [1213, 1205])
def test_the_unit_of_work_turns_deadlocks_into_a_retryable_conflict(code):
    uow = SqlAlchemyUnitOfWork(make_engine("sqlite://"), FakeClock(), _Dispatcher())
    with pytest.raises(TransactionConflict), uow:
        raise _mariadb_error(code)


def test_other_database_errors_are_left_alone():
    uow = SqlAlchemyUnitOfWork(make_engine("sqlite://"), FakeClock(), _Dispatcher())
    with pytest.raises(OperationalError), uow:
        raise _mariadb_error(1062)


def test_retrying_runs_the_work_again_until_it_passes():
    calls = []

    def work():
        calls.append(1)
        if len(calls) < 3:
            raise TransactionConflict("deadlock")
        return "done"

    assert retrying(work) == "done" and len(calls) == 3


def test_retrying_gives_up_with_a_conflict():
    calls = []

    def work():
        calls.append(1)
        raise TransactionConflict("deadlock")

    with pytest.raises(Conflict):
        retrying(work)
    assert len(calls) == ATTEMPTS
