"""argon2id parameters for a 2-core box, configurable, and upgraded at login (issue 12)."""

from __future__ import annotations

from argon2 import extract_parameters

from chezflora.adapters.argon2_hasher import Argon2PasswordHasher, argon2id
from chezflora.application.identity import IdentityUseCases
from chezflora.application.identity.registration import Register
from chezflora.bootstrap import build_container
from chezflora.config import Settings, load_settings
from tests.fakes import FakeClock, FakeTokens, FakeUnitOfWorkFactory

CHEAP = Argon2PasswordHasher(argon2id(memory_kib=64, time_cost=1))
OTHER = Argon2PasswordHasher(argon2id(memory_kib=128, time_cost=1))


def test_default_is_the_owasp_argon2id_floor_with_one_lane():
    parameters = extract_parameters(Argon2PasswordHasher().hash("motdepasse1"))
    assert parameters.type.name == "ID"
    assert (parameters.memory_cost, parameters.time_cost, parameters.parallelism) == (
        19 * 1024,
        2,
        1,
    )


def test_parameters_come_from_the_settings(tmp_path):
    settings = load_settings(
        {"CHEZFLORA_ARGON2_MEMORY_KIB": "32768", "CHEZFLORA_ARGON2_TIME_COST": "3"}
    )
    assert (settings.argon2_memory_kib, settings.argon2_time_cost) == (32768, 3)
    assert settings.argon2_parallelism == 1
    container = build_container(
        Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/x.db", jwt_secret="s" * 40)
    )
    try:
        assert extract_parameters(container.hasher.hash("x")).memory_cost == 19 * 1024
    finally:
        container.close()


def test_a_hash_with_other_parameters_is_redone_at_login():
    uow = FakeUnitOfWorkFactory()
    clock = FakeClock()
    before = IdentityUseCases.build(uow, clock, CHEAP, FakeTokens())
    user_id = before.register(Register("awa", "awa@example.cm", "motdepasse1"))
    uow.store.users[user_id].is_active = True
    old_hash = uow.store.users[user_id].password_hash
    assert extract_parameters(old_hash).memory_cost == 64

    after = IdentityUseCases.build(uow, clock, OTHER, FakeTokens())
    after.log_in("awa", "motdepasse1")
    new_hash = uow.store.users[user_id].password_hash
    assert extract_parameters(new_hash).memory_cost == 128
    assert OTHER.verify(new_hash, "motdepasse1")
    after.log_in("awa", "motdepasse1")  # already current: left alone
    assert uow.store.users[user_id].password_hash == new_hash
