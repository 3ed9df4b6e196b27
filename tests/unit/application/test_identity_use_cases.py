"""Identity use cases on in-memory fakes: the account life cycle and its refusals."""

from __future__ import annotations

import pytest

from chezflora.application.identity import IdentityUseCases
from chezflora.application.identity.accounts import NewUser, UserChanges
from chezflora.application.identity.registration import Register
from chezflora.domain.errors import Forbidden, InvalidInput, NotAuthenticated, TooManyRequests
from chezflora.domain.user import Role
from tests.fakes import FakeClock, FakeTokens, FakeUnitOfWorkFactory, PlainHasher


@pytest.fixture
def uow() -> FakeUnitOfWorkFactory:
    return FakeUnitOfWorkFactory()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def identity(uow: FakeUnitOfWorkFactory, clock: FakeClock) -> IdentityUseCases:
    return IdentityUseCases.build(uow, clock, PlainHasher(), FakeTokens())


def last_code(uow: FakeUnitOfWorkFactory) -> str:
    return str(uow.emails[-1].context["code"])


def register(identity: IdentityUseCases, name: str = "awa") -> int:
    return identity.register(Register(name, f"{name}@example.cm", "motdepasse1"))


def test_registration_creates_an_inactive_client_and_emails_a_six_digit_code(identity, uow):
    user_id = register(identity)
    email = uow.emails[-1]
    assert email.to == "awa@example.cm" and email.template == "otp"
    assert len(last_code(uow)) == 6 and last_code(uow).isdigit()
    user = uow.store.users[user_id]
    assert not user.is_active and user.role is Role.CLIENT
    assert user.password_hash == "plain$motdepasse1"


def test_reregistering_an_inactive_account_sends_a_new_code_and_names_the_account(identity, uow):
    user_id = register(identity)
    with pytest.raises(InvalidInput) as refused:
        register(identity)
    assert refused.value.message == "Utilisateur existe mais non actif"
    assert refused.value.extra["user_id"] == user_id
    assert len(uow.emails) == 2


def test_a_taken_username_of_an_active_account_is_a_field_error(identity, uow):
    user_id = register(identity)
    identity.verify_code(user_id, last_code(uow))
    with pytest.raises(InvalidInput) as refused:
        identity.register(Register("awa", "other@example.cm", "motdepasse1"))
    assert "username" in refused.value.fields


def test_login_of_an_unverified_account_is_401_with_user_id_and_a_fresh_code(identity, uow, clock):
    user_id = register(identity)
    with pytest.raises(NotAuthenticated) as refused:
        identity.log_in("awa", "motdepasse1")
    assert refused.value.message == "Utilisateur non actif"
    assert refused.value.extra["user_id"] == user_id
    assert len(uow.emails) == 2


def test_wrong_password_is_the_same_error_as_unknown_user(identity):
    register(identity)
    with pytest.raises(InvalidInput) as wrong:
        identity.log_in("awa", "nope-nope")
    with pytest.raises(InvalidInput) as unknown:
        identity.log_in("nobody", "nope-nope")
    assert wrong.value.message == unknown.value.message == "Identifiants incorrects"


def test_the_sixth_attempt_does_not_verify_even_with_the_right_code(identity, uow):
    user_id = register(identity)
    code = last_code(uow)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        with pytest.raises(InvalidInput):
            identity.verify_code(user_id, wrong)
    with pytest.raises(InvalidInput):
        identity.verify_code(user_id, code)
    assert not uow.store.users[user_id].is_active


def test_a_code_is_single_use(identity, uow):
    user_id = register(identity)
    code = last_code(uow)
    identity.verify_code(user_id, code)
    with pytest.raises(InvalidInput):
        identity.verify_code(user_id, code)


def test_an_expired_code_does_not_activate(identity, uow, clock):
    user_id = register(identity)
    clock.advance(minutes=11)
    with pytest.raises(InvalidInput):
        identity.verify_code(user_id, last_code(uow))


def test_resend_has_a_sixty_second_cooldown(identity, uow, clock):
    user_id = register(identity)
    with pytest.raises(TooManyRequests):
        identity.resend_code(user_id, None)
    clock.advance(seconds=61)
    assert identity.resend_code(None, "awa@example.cm") is None  # by e-mail: tells nothing
    assert uow.emails[-1].context["resent"] is True
    sent = len(uow.emails)
    assert identity.resend_code(None, "awa@example.cm") is None  # cooling down: same answer
    assert len(uow.emails) == sent


def test_resend_by_email_answers_the_same_whatever_the_account(identity, uow, clock):
    register(identity)
    assert identity.resend_code(None, "nobody@example.cm") is None
    assert identity.resend_code(None, "AWA@example.cm ") is None


def test_a_reset_code_cannot_activate_an_account(identity, uow, clock):
    user_id = register(identity)
    identity.request_reset("awa@example.cm")
    assert uow.emails[-1].template == "password_reset"
    with pytest.raises(InvalidInput):
        identity.verify_code(user_id, last_code(uow))


def test_reset_for_an_unknown_email_says_nothing_and_sends_nothing(identity, uow):
    identity.request_reset("ghost@example.cm")
    assert uow.emails == []


def test_password_change_revokes_older_tokens(identity, uow):
    user_id = register(identity)
    identity.verify_code(user_id, last_code(uow))
    tokens = identity.log_in("awa", "motdepasse1")
    assert identity.authenticate(tokens.access) is not None
    identity.change_password(user_id, "motdepasse1", "nouveau-mdp", "nouveau-mdp")
    assert identity.authenticate(tokens.access) is None
    with pytest.raises(InvalidInput):
        identity.refresh(tokens.refresh)


def test_ban_refuses_the_existing_token_at_once_and_admins_cannot_be_banned(identity, uow):
    user_id = register(identity)
    identity.verify_code(user_id, last_code(uow))
    tokens = identity.log_in("awa", "motdepasse1")
    identity.ban_user(user_id, "spam")
    assert identity.authenticate(tokens.access) is None
    admin = identity.create_user(NewUser("chef", "chef@example.cm", "motdepasse1", Role.ADMIN))
    assert admin.id is not None
    with pytest.raises(Forbidden):
        identity.ban_user(admin.id, None)


def test_clients_may_not_change_their_role(identity, uow):
    user_id = register(identity)
    with pytest.raises(InvalidInput):
        identity.update_user(user_id, False, user_id, UserChanges({"role": "admin"}))
    assert uow.store.users[user_id].role is Role.CLIENT


def test_deleting_an_account_erases_personal_data_but_keeps_the_row(identity, uow):
    user_id = register(identity)
    identity.delete_account(user_id)
    user = uow.store.users[user_id]
    assert user.email.endswith("@invalid") and user.deleted_at is not None
    with pytest.raises(InvalidInput):
        identity.log_in("awa", "motdepasse1")
