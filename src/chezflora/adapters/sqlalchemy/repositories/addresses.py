"""Delivery addresses in SQL."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.shopping import addresses
from chezflora.domain.address import Address

_FIELDS = ["client_id", "nom", "rue", "ville", "code_postal", "pays", "is_default", "date_creation"]


def address_from_row(row: Any) -> Address:
    return Address(id=row.id, **{name: getattr(row, name) for name in _FIELDS})


_BY_ID = Prepared(sa.select(addresses).where(addresses.c.id == sa.bindparam("address_id")))
_OWNER = Prepared(
    sa.select(addresses.c.client_id).where(addresses.c.id == sa.bindparam("address_id"))
)


class SqlAddressRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, address_id: int) -> Address | None:
        row = _BY_ID.first(self._conn, {"address_id": address_id})
        return None if row is None else address_from_row(row)

    def owner_of(self, address_id: int) -> int | None:
        row = _OWNER.first(self._conn, {"address_id": address_id})
        return None if row is None else int(row.client_id)

    def add(self, address: Address) -> None:
        result = self._conn.execute(sa.insert(addresses).values(**self._values(address)))
        address.id = inserted_id(result)

    def save(self, address: Address) -> None:
        self._conn.execute(
            sa.update(addresses).where(addresses.c.id == address.id).values(**self._values(address))
        )

    def delete(self, address_id: int) -> None:
        self._conn.execute(sa.delete(addresses).where(addresses.c.id == address_id))

    def delete_for_client(self, client_id: int) -> None:
        self._conn.execute(sa.delete(addresses).where(addresses.c.client_id == client_id))

    def clear_default(self, client_id: int, except_id: int) -> None:
        self._conn.execute(
            sa.update(addresses)
            .where(
                addresses.c.client_id == client_id,
                addresses.c.id != except_id,
                addresses.c.is_default.is_(True),
            )
            .values(is_default=False)
        )

    @staticmethod
    def _values(address: Address) -> dict[str, Any]:
        return {name: getattr(address, name) for name in _FIELDS}
