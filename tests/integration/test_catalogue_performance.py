"""The product list costs a constant number of statements, and its default page never sorts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from chezflora.adapters.sqlalchemy.queries.catalogue_products import product_conditions
from chezflora.adapters.sqlalchemy.repositories.catalogue_bulk import insert_synthetic_products
from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.application.catalogue.views import ProductFilters
from tests.integration.catalogue_helpers import image_bytes, make_category, upload
from tests.integration.helpers import bearer, make_admin


@contextmanager
def counting(engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_statement_count_does_not_grow_with_page_size(client, container, clock, engine):
    _, admin = make_admin(client, container)
    categories = [make_category(client, admin, nom) for nom in ("Roses", "Lys")]
    insert_synthetic_products(engine, categories, 0, 150, clock.now())
    first_ids = [p["id"] for p in client.get("/api/produits/?per_page=100").json()["results"]]
    for product_id in (first_ids[0], first_ids[50], first_ids[95]):
        assert upload(client, admin, image_bytes(), product_id).status_code == 201
    promo = {
        "nom": "Lys",
        "reduction": 0.1,
        "date_debut": "2020-01-01",
        "date_fin": "2099-01-01",
        "categorie_id": categories[1],
        "produit_ids": first_ids[:30],
    }
    assert client.post("/api/promotions/", json=promo, headers=bearer(admin)).status_code == 201

    counts = {}
    for per_page in (10, 100):
        for headers in ({}, bearer(admin)):
            with counting(engine) as statements:
                response = client.get(f"/api/produits/?per_page={per_page}", headers=headers)
            assert response.status_code == 200
            assert len(response.json()["results"]) == per_page
            counts[(per_page, bool(headers))] = len(statements)
    assert counts[(10, False)] == counts[(100, False)]
    assert counts[(10, True)] == counts[(100, True)]
    print("statements per product page", counts)
    assert counts[(100, False)] <= 10


def test_default_page_query_walks_the_index_on_mariadb(engine, clean_engine, clock):
    if engine.dialect.name == "sqlite":
        pytest.skip("EXPLAIN output is MariaDB's")
    with engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO categories (nom, is_active, date_creation) VALUES ('C', 1, NOW())")
        )
        category = conn.execute(sa.text("SELECT id FROM categories")).scalar_one()
    insert_synthetic_products(engine, [category], 0, 3000, clock.now())
    with engine.connect() as conn:
        conn.execute(sa.text("ANALYZE TABLE products"))
        query = (
            sa.select(products.c.id)
            .where(*product_conditions(ProductFilters()))
            .order_by(products.c.id)
            .limit(10)
            .offset(1000)
        )
        sql = str(query.compile(engine, compile_kwargs={"literal_binds": True}))
        plan = conn.execute(sa.text(f"EXPLAIN {sql}")).mappings().all()
    extra = " ".join(str(row["Extra"]) for row in plan)
    assert "filesort" not in extra.lower(), plan
    assert plan[0]["key"] == "ix_products_active_id", plan
