"""Every subscription e-mail renders in French with amounts in FCFA."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.application.subscriptions import notices
from chezflora.domain.money import Money
from chezflora.domain.subscription import Subscription, SubscriptionLine, SubscriptionType
from chezflora.domain.user import Role, User

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
ADMIN = User(
    id=1,
    username="patron",
    email="patron@chezflora.cm",
    password_hash="x",
    role=Role.ADMIN,
    is_active=True,
    date_creation=STAMP,
    date_mise_a_jour=STAMP,
)
SUBSCRIPTION = Subscription(
    id=12,
    client_id=3,
    type=SubscriptionType.HEBDOMADAIRE,
    date_debut=date(2026, 11, 24),
    date_fin=None,
    lines=(SubscriptionLine(5, 2),),
    prix=Money.of("12000.50"),
)
DAY = date(2026, 12, 24)


@pytest.mark.parametrize(
    ("email", "subject", "expected"),
    [
        (notices.created(CLIENT, SUBSCRIPTION, 7), "Confirmation", ["12 000.50 FCFA", "n° 7"]),
        (notices.cancelled(CLIENT, SUBSCRIPTION), "Annulation", ["hebdomadaire n° 12"]),
        (notices.billed(CLIENT, SUBSCRIPTION, DAY, 9), "Facture", ["2026-12-24", "n° 9"]),
        (
            notices.order_generated(CLIENT, SUBSCRIPTION, 44, DAY, "3000.00"),
            "Nouvelle livraison",
            ["commande n° 44", "3 000 FCFA"],
        ),
        (
            notices.stock_alerts([ADMIN], SUBSCRIPTION, DAY, ["Bouquet 1", "Roses"])[0],
            "Stock insuffisant",
            ["Bouquet 1, Roses", "abonnement n° 12"],
        ),
    ],
)
def test_templates_render(email, subject, expected):
    message = EmailRenderer("ChezFlora <no-reply@chezflora.cm>").render(email)
    assert message["Subject"].startswith(subject)
    body = message.get_content()
    for text in expected:
        assert text in body
    assert "{{" not in body
