"""Users in SQL: rows to `User` and back."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection

from chezflora.adapters.sqlalchemy.columns import inserted_id
from chezflora.adapters.sqlalchemy.prepared import Prepared
from chezflora.adapters.sqlalchemy.tables.identity import users
from chezflora.application.unit_of_work import UserContact
from chezflora.domain.user import Role, User

_FIELDS = [c.name for c in users.columns if c.name != "id"]
_CONTACT = Prepared(
    sa.select(users.c.email, users.c.username, users.c.deleted_at).where(
        users.c.id == sa.bindparam("user_id")
    )
)


def user_from_row(row: Any) -> User:
    values = dict(row._mapping)
    values["role"] = Role(values["role"])
    return User(**values)


class SqlUserRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._contacts: dict[int, UserContact | None] = {}

    def contact(self, user_id: int) -> UserContact | None:
        """Who to write to (no hash, no profile); read once per transaction."""
        if user_id not in self._contacts:
            row = _CONTACT.first(self._conn, {"user_id": user_id})
            self._contacts[user_id] = (
                None
                if row is None
                else UserContact(user_id, row.email, row.username, row.deleted_at)
            )
        return self._contacts[user_id]

    def remember(self, contact: UserContact) -> None:
        self._contacts.setdefault(contact.id, contact)

    def _one(self, where: sa.ColumnElement[bool], for_update: bool = False) -> User | None:
        query = sa.select(users).where(where)
        if for_update:
            query = query.with_for_update()
        row = self._conn.execute(query).first()
        return None if row is None else user_from_row(row)

    def get(self, user_id: int, *, for_update: bool = False) -> User | None:
        return self._one(users.c.id == user_id, for_update)

    def by_username(self, username: str) -> User | None:
        return self._one(users.c.username == username)

    def by_email(self, email: str) -> User | None:
        return self._one(users.c.email == email)

    def admins(self) -> list[User]:
        query = sa.select(users).where(
            users.c.role == Role.ADMIN.value, users.c.is_active.is_(True)
        )
        return [user_from_row(r) for r in self._conn.execute(query.order_by(users.c.id))]

    def add(self, user: User) -> None:
        result = self._conn.execute(sa.insert(users).values(**self._values(user)))
        user.id = inserted_id(result)

    def save(self, user: User) -> None:
        self._contacts.pop(user.id or 0, None)
        self._conn.execute(
            sa.update(users).where(users.c.id == user.id).values(**self._values(user))
        )

    @staticmethod
    def _values(user: User) -> dict[str, Any]:
        values = {name: getattr(user, name) for name in _FIELDS}
        values["role"] = user.role.value
        return values
