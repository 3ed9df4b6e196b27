"""Every workshop e-mail renders in French, in shop time, with amounts in FCFA."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, cast
from zoneinfo import ZoneInfo

import pytest

from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import UnitOfWork
from chezflora.application.workshops import notices
from chezflora.domain.money import Money
from chezflora.domain.user import Role, User
from chezflora.domain.workshop import Workshop

STAMP = datetime(2026, 11, 24, tzinfo=UTC)
CLIENT = User(
    id=3,
    username="awa",
    email="awa@example.cm",
    password_hash="x",
    role=Role.CLIENT,
    is_active=True,
    date_creation=STAMP,
    date_mise_a_jour=STAMP,
)
WORKSHOP = Workshop(
    id=7,
    nom="Ikebana",
    description="",
    date=datetime(2030, 6, 1, 9, 0, tzinfo=UTC),
    duree=120,
    prix=Money(Decimal("15000")),
    places_totales=10,
)


class _Users:
    def get(self, user_id: int) -> User | None:
        return CLIENT if user_id == CLIENT.id else None


class _Outbox:
    def __init__(self) -> None:
        self.sent: list[OutgoingEmail] = []

    def add(self, email: OutgoingEmail) -> None:
        self.sent.append(email)


class _Uow:
    def __init__(self) -> None:
        self.users, self.outbox = _Users(), _Outbox()


CASES: list[tuple[str, dict[str, Any], str]] = [
    (notices.CONFIRMED, {"paiement_id": 41}, "15 000 FCFA (n° 41)"),
    (notices.WAITING, {"position": 2}, "en position 2"),
    (notices.PROMOTED, {"paiement_id": 42}, "une place s'est libérée"),
    (notices.UNREGISTERED, {}, "est annulée"),
    (notices.CANCELLED, {"raison": "Fleuriste malade"}, "Motif : Fleuriste malade"),
    (notices.REMINDER, {}, "le 01/06/2030 à 10:00"),
]


@pytest.mark.parametrize(("template", "extra", "expected"), CASES)
def test_each_workshop_email_renders(template, extra, expected):
    uow = _Uow()
    notices.notify(
        cast(UnitOfWork, uow),
        CLIENT.id or 0,
        template,
        WORKSHOP,
        ZoneInfo("Africa/Douala"),
        **extra,
    )
    (email,) = uow.outbox.sent
    message = EmailRenderer("ChezFlora <boutique@chezflora.cm>").render(email)
    body = message.get_content()
    assert message["To"] == "awa@example.cm" and "Ikebana" in message["Subject"]
    assert "Bonjour awa" in body and "01/06/2030 à 10:00" in body  # Douala time
    assert expected in body


def test_erased_accounts_get_nothing():
    uow = _Uow()
    notices.notify(cast(UnitOfWork, uow), 99, notices.CONFIRMED, WORKSHOP, ZoneInfo("UTC"))
    assert uow.outbox.sent == []
