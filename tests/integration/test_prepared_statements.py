"""`Prepared` answers what `Connection.execute` answers: same values and types, same errors.

Run on SQLite and MariaDB: the conversions come from each dialect (aware-UTC datetimes, decimals,
booleans, JSON, bytes), and so do the driver's parameter style and error codes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError

from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.catalogue import products
from chezflora.adapters.sqlalchemy.tables.identity import outbox_emails
from chezflora.adapters.sqlalchemy.tables.shopping import idempotency_keys
from tests.integration.rows import add_category, add_product, add_shopper

WHEN = datetime(2026, 12, 2, 12, 30, 15, 123456, tzinfo=UTC)
INSERT_EMAIL = Prepared(sa.insert(outbox_emails))
EMAIL = sa.select(
    outbox_emails.c.id,
    outbox_emails.c.context,
    outbox_emails.c.created_at,
    outbox_emails.c.attempts,
    outbox_emails.c.sent_at,
).where(outbox_emails.c.id == sa.bindparam("email_id"))
PRODUCT = sa.select(products.c.id, products.c.prix, products.c.is_active, products.c.stock).where(
    products.c.id == sa.bindparam("product_id")
)
TAKE = Prepared(
    sa.update(products)
    .where(products.c.id == sa.bindparam("product_id"), products.c.stock >= sa.bindparam("wanted"))
    .values(stock=products.c.stock - sa.bindparam("wanted"))
)
CLAIM = Prepared(sa.insert(idempotency_keys))


def email_row(recipient: str = "a@b.cm") -> dict[str, object]:
    context = {"client_name": "Awa", "total": "12500.00", "articles": 3, "bouquet": "Été"}
    return {
        "recipient": recipient,
        "template": "order_confirmation",
        "context": context,
        "created_at": WHEN,
        "attempts": 0,
    }


def test_rows_come_back_as_connection_execute_reads_them(clean_engine):
    engine = clean_engine
    product = add_product(engine, add_category(engine), "Rose", "1250.50", stock=7)
    with engine.begin() as conn:
        email_id = INSERT_EMAIL.run(conn, email_row()).lastrowid
        for query, params in ((EMAIL, {"email_id": email_id}), (PRODUCT, {"product_id": product})):
            expected = conn.execute(query, params).one()
            found = Prepared(query).first(conn, params)
            assert tuple(found) == tuple(expected)
            assert found._fields == tuple(expected._fields)
            assert [type(v) for v in found] == [type(v) for v in expected]
    assert found.prix == Decimal("1250.50") and found.is_active is True
    with engine.connect() as conn:
        email = Prepared(EMAIL).first(conn, {"email_id": email_id})
    assert email.created_at == WHEN and email.created_at.tzinfo is not None
    assert email.context["bouquet"] == "Été" and email.sent_at is None


def test_row_counts_ids_and_values_bound_in_the_statement(clean_engine):
    engine = clean_engine
    product = add_product(engine, add_category(engine), "Tulipe", "900.00", stock=3)
    with engine.begin() as conn:
        first = INSERT_EMAIL.run(conn, email_row()).lastrowid
        second = INSERT_EMAIL.run(conn, email_row()).lastrowid
        assert second > first > 0
        assert TAKE.run(conn, {"product_id": product, "wanted": 2}).rowcount == 1
        assert TAKE.run(conn, {"product_id": product, "wanted": 2}).rowcount == 0
        assert conn.execute(PRODUCT, {"product_id": product}).one().stock == 1
        bump = Prepared(
            sa.update(outbox_emails)
            .where(outbox_emails.c.id == sa.bindparam("email_id"))
            .values(attempts=outbox_emails.c.attempts + 1)  # the 1 is bound by the statement
        )
        bump.run(conn, {"email_id": first})
        bump.run(conn, {"email_id": first})
        assert conn.execute(EMAIL, {"email_id": first}).one().attempts == 2


def test_many_rows_in_one_call(clean_engine):
    with clean_engine.begin() as conn:
        INSERT_EMAIL.run_many(conn, [email_row(f"c{i}@b.cm") for i in range(5)])
        count = conn.execute(sa.select(sa.func.count()).select_from(outbox_emails)).scalar()
    assert count == 5


def test_a_refused_row_is_sqlalchemys_integrity_error_and_the_transaction_goes_on(container):
    viewer, _, _ = add_shopper(container, "prepared-claims")
    row = {
        "utilisateur_id": viewer.user_id,
        "cle": "k-1",
        "fingerprint": "f" * 64,
        "status_code": 0,
        "body": b"\x00\xffanswer",
        "created_at": WHEN,
    }
    engine = container.engine
    with engine.begin() as conn:
        CLAIM.run(conn, row)
        with pytest.raises(IntegrityError):
            CLAIM.run(conn, row)
        stored = Prepared(
            sa.select(idempotency_keys.c.body).where(idempotency_keys.c.cle == sa.bindparam("k"))
        ).first(conn, {"k": "k-1"})
    assert bytes(stored.body) == b"\x00\xffanswer"


def test_statement_listeners_see_prepared_statements(clean_engine):
    seen: list[str] = []

    def listener(_conn, _cursor, statement, _params, _context, _many):
        seen.append(statement)

    event.listen(clean_engine, "before_cursor_execute", listener)
    try:
        with clean_engine.begin() as conn:
            INSERT_EMAIL.run(conn, email_row())
    finally:
        event.remove(clean_engine, "before_cursor_execute", listener)
    assert any(s.lstrip().upper().startswith("INSERT INTO OUTBOX_EMAILS") for s in seen)


def test_expanding_in_is_refused_with_a_pointer_to_execute(clean_engine):
    many = Prepared(
        sa.select(products.c.id).where(products.c.id.in_(sa.bindparam("ids", expanding=True)))
    )
    with clean_engine.connect() as conn, pytest.raises(ValueError, match="expanding"):
        many.all(conn, {"ids": [1, 2]})


def test_a_connection_first_used_by_a_prepared_statement_ends_its_transaction(clean_engine):
    # The driver opens a transaction on the first statement; the connection must know it, or
    # it would go back to the pool with the transaction (and its locks) still open.
    with clean_engine.connect() as conn:
        INSERT_EMAIL.run(conn, email_row())
        assert conn.in_transaction()
    with clean_engine.connect() as conn:
        count = conn.execute(sa.select(sa.func.count()).select_from(outbox_emails)).scalar()
    assert count == 0  # closed without commit: rolled back
