"""The admin dashboard: every key the pages read, revenue without cancelled or refunded orders."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import sqlalchemy as sa

from chezflora.adapters.sqlalchemy.tables.shopping import orders, payments
from tests.integration.helpers import bearer, make_admin, make_client
from tests.integration.rows import add_category, add_product

SECTIONS = {
    "users": {"total", "active", "banned", "by_role", "new_last_7_days"},
    "commands": {"total", "by_status", "total_revenue", "revenue_last_7_days"},
    "products": {"total", "active", "low_stock", "by_category", "low_stock_details"},
    "ateliers": {"total", "active", "cancelled", "total_participants"},
    "payments": {"total", "by_type", "total_amount"},
    "subscriptions": {"total", "active", "total_revenue"},
}


def _order(conn, client_id, now, statut, total, *, days_ago=0):
    result = conn.execute(
        sa.insert(orders).values(
            client_id=client_id,
            date=now - timedelta(days=days_ago),
            statut=statut,
            total=Decimal(total),
            date_mise_a_jour=now,
            is_active=True,
            stock_restored=False,
            version=1,
        )
    )
    return result.inserted_primary_key[0]


def test_dashboard_has_every_section_and_counts_only_earned_revenue(client, container, clock):
    client_id, token = make_client(client, container, "fatou")
    _, admin = make_admin(client, container)
    now = clock.now()
    category = add_category(container.engine)
    for name, stock in (("Rose rouge", 2), ("Tulipe", 50)):
        add_product(container.engine, category, name, "1500.00", stock)
    with container.engine.begin() as conn:
        _order(conn, client_id, now, "en_cours", "1000.50")
        _order(conn, client_id, now, "livree", "2000.00", days_ago=30)
        _order(conn, client_id, now, "annulee", "9999.00")
        refunded = _order(conn, client_id, now, "expediee", "500.00")
        conn.execute(
            sa.insert(payments).values(
                commande_id=refunded,
                utilisateur_id=client_id,
                type_transaction="commande",
                montant=Decimal("500.00"),
                date=now,
                statut="rembourse",
                is_active=True,
                date_mise_a_jour=now,
            )
        )
    response = client.get("/api/utilisateurs/dashboard/?days=7", headers=bearer(admin))
    assert response.status_code == 200
    body = response.json()
    for section, keys in SECTIONS.items():
        assert keys <= set(body[section]), section
    assert body["commands"]["total"] == 4
    assert body["commands"]["total_revenue"] == 3000.5
    assert body["commands"]["revenue_last_7_days"] == 1000.5
    assert body["products"]["low_stock_details"] == [
        {"id": body["products"]["low_stock_details"][0]["id"], "nom": "Rose rouge", "stock": 2}
    ]
    assert body["products"]["by_category"] == {"Roses": 2}
    assert body["users"]["by_role"] == {"admin": 1, "client": 1}
    assert client.get("/api/utilisateurs/dashboard/", headers=bearer(token)).status_code == 403
    assert client.get("/api/utilisateurs/dashboard/").status_code == 401
    assert (
        client.get("/api/utilisateurs/dashboard/?days=abc", headers=bearer(admin)).status_code
        == 400
    )


def test_user_stats_counts_registrations_and_logins_per_day(client, container, clock):
    make_client(client, container, "binta")
    _, admin = make_admin(client, container)
    body = client.get("/api/utilisateurs/stats/?days=30", headers=bearer(admin)).json()
    today = clock.now().date().isoformat()
    assert body["registrations_by_day"] == [{"date": today, "count": 2}]
    assert body["logins_by_day"] == [{"date": today, "count": 2}]
