"""Housekeeping use cases on in-memory fakes: the low-stock alert and the code purge."""

from __future__ import annotations

from datetime import timedelta

import pytest

from chezflora.application.operations import OperationsUseCases
from chezflora.application.operations.stock_alert import StockLevel
from chezflora.domain.one_time_code import CodePurpose, OneTimeCode
from chezflora.domain.parameter import LOW_STOCK_THRESHOLD, Parameter
from chezflora.domain.user import Role, User
from tests.fakes import FakeClock, FakeUnitOfWorkFactory


class FakeStock:
    def __init__(self, levels: dict[str, int]) -> None:
        self.levels = levels
        self.asked: list[int] = []

    def below(self, threshold: int) -> list[StockLevel]:
        self.asked.append(threshold)
        low = [(n, s) for n, s in self.levels.items() if s < threshold]
        return [StockLevel(i, n, s) for i, (n, s) in enumerate(sorted(low, key=lambda x: x[1]))]


@pytest.fixture
def uow() -> FakeUnitOfWorkFactory:
    return FakeUnitOfWorkFactory()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _user(uow: FakeUnitOfWorkFactory, clock: FakeClock, name: str, role: Role, **flags) -> None:
    user_id = uow.store.new_id()
    uow.store.users[user_id] = User(
        id=user_id,
        username=name,
        email=f"{name}@chezflora.cm",
        password_hash="x",
        role=role,
        is_active=flags.get("is_active", True),
        is_banned=flags.get("is_banned", False),
        date_creation=clock.now(),
        date_mise_a_jour=clock.now(),
    )


def _threshold(uow: FakeUnitOfWorkFactory, clock: FakeClock, value: str) -> None:
    uow.store.parameters[1] = Parameter(
        id=1, cle=LOW_STOCK_THRESHOLD, valeur=value, date_mise_a_jour=clock.now()
    )


def test_one_alert_per_active_admin_listing_every_low_product(uow, clock):
    _user(uow, clock, "patron", Role.ADMIN)
    _user(uow, clock, "gerante", Role.ADMIN)
    _user(uow, clock, "ancien", Role.ADMIN, is_banned=True)
    _user(uow, clock, "cliente", Role.CLIENT)
    stock = FakeStock({"Roses rouges": 2, "Orchidée": 0, "Tulipes": 5, "Lys": 30})
    alert = OperationsUseCases.build(uow, clock, stock).low_stock_alert

    report = alert()

    assert stock.asked == [5]
    assert (report.threshold, report.products, report.emails) == (5, 2, 2)
    assert sorted(e.to for e in uow.emails) == ["gerante@chezflora.cm", "patron@chezflora.cm"]
    email = uow.emails[0]
    assert email.template == "low_stock"
    assert [p["nom"] for p in email.context["products"]] == ["Orchidée", "Roses rouges"]


def test_the_threshold_comes_from_the_parameter(uow, clock):
    _user(uow, clock, "patron", Role.ADMIN)
    _threshold(uow, clock, "31")
    stock = FakeStock({"Lys": 30})

    report = OperationsUseCases.build(uow, clock, stock).low_stock_alert()

    assert stock.asked == [31]
    assert report.products == 1
    assert len(uow.emails) == 1


def test_a_mistyped_threshold_falls_back_to_five(uow, clock):
    _user(uow, clock, "patron", Role.ADMIN)
    _threshold(uow, clock, "beaucoup")
    stock = FakeStock({"Lys": 4})

    OperationsUseCases.build(uow, clock, stock).low_stock_alert()

    assert stock.asked == [5]


def test_no_low_product_no_e_mail(uow, clock):
    _user(uow, clock, "patron", Role.ADMIN)

    report = OperationsUseCases.build(uow, clock, FakeStock({"Lys": 9})).low_stock_alert()

    assert report.emails == 0
    assert uow.emails == []


def test_purge_removes_expired_and_used_codes_only(uow, clock):
    now = clock.now()

    def code(code_id: int, expires_in: int, used: bool = False) -> OneTimeCode:
        return OneTimeCode(
            id=code_id,
            user_id=1,
            purpose=CodePurpose.ACTIVATION,
            code_hash="h",
            created_at=now,
            expires_at=now + timedelta(minutes=expires_in),
            used_at=now if used else None,
        )

    uow.store.codes = {1: code(1, -1), 2: code(2, 10), 3: code(3, 10, used=True)}
    purge = OperationsUseCases.build(uow, clock, FakeStock({})).purge_codes

    assert purge() == 2
    assert list(uow.store.codes) == [2]
