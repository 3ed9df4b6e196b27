"""The identity repositories' clauses: users, one-time codes, parameters."""

from __future__ import annotations

from datetime import timedelta

from chezflora.domain.one_time_code import CodePurpose, OneTimeCode
from chezflora.domain.parameter import Parameter
from tests.repository_contract.rows import NOW, UowFactory
from tests.repository_contract.rows import a_user as _user


def a_committed_user_reads_back_equal(uow: UowFactory) -> None:
    user = _user()
    with uow() as work:
        work.users.add(user)
        work.commit()
    with uow() as work:
        loaded = work.users.get(user.id)
        by_name = work.users.by_username("awa")
        by_email = work.users.by_email("awa@example.cm")
    assert loaded is not None and by_name is not None and by_email is not None
    assert vars(loaded) == vars(user)
    assert by_name.id == by_email.id == user.id


def a_change_without_commit_is_not_visible(uow: UowFactory) -> None:
    user = _user("binta")
    with uow() as work:
        work.users.add(user)
        work.commit()
    with uow() as work:
        changed = work.users.get(user.id)
        changed.telephone = "111"
        work.users.save(changed)
    with uow() as work:
        assert work.users.get(user.id).telephone == "699000000"
        work.users.add(_user("ghost"))
    with uow() as work:
        assert work.users.by_username("ghost") is None


def codes_are_consumed_once_and_burn_after_five_failures(uow: UowFactory) -> None:
    user = _user("cheikh")
    with uow() as work:
        work.users.add(user)
        code = OneTimeCode(
            user_id=user.id,
            purpose=CodePurpose.ACTIVATION,
            code_hash="h",
            created_at=NOW,
            expires_at=NOW + timedelta(minutes=10),
        )
        work.codes.add(code)
        work.commit()
    with uow() as work:
        latest = work.codes.latest(user.id, CodePurpose.ACTIVATION)
        assert latest is not None and latest.id == code.id
        assert work.codes.latest(user.id, CodePurpose.RESET) is None
        for _ in range(5):
            work.codes.record_failure(code.id)
        assert work.codes.consume(code.id, NOW) is False
        work.commit()


def parameters_are_found_by_key_and_values_read_in_one_call(uow: UowFactory) -> None:
    with uow() as work:
        work.parameters.add(Parameter(cle="site_name", valeur="ChezFlora", date_mise_a_jour=NOW))
        work.parameters.add(Parameter(cle="otp_length", valeur="6", date_mise_a_jour=NOW))
        work.commit()
    with uow() as work:
        assert work.parameters.by_key("site_name").valeur == "ChezFlora"
        assert work.parameters.values(["otp_length", "absent"]) == {"otp_length": "6"}


IDENTITY = [
    a_committed_user_reads_back_equal,
    a_change_without_commit_is_not_visible,
    codes_are_consumed_once_and_burn_after_five_failures,
    parameters_are_found_by_key_and_values_read_in_one_call,
]
