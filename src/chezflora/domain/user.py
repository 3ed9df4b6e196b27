"""The account: roles, activation, bans and token versions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from chezflora.domain.errors import Forbidden, InvalidInput

USERNAME_PATTERN = re.compile(r"^[\w.@+-]{1,150}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD_LENGTH = 8


class Role(StrEnum):
    CLIENT = "client"
    ADMIN = "admin"


@dataclass(eq=False, kw_only=True)
class User:
    """A customer or a member of staff. `token_version` invalidates older tokens when bumped."""

    id: int | None = None
    username: str
    email: str
    password_hash: str
    role: Role = Role.CLIENT
    is_active: bool = False
    is_banned: bool = False
    ban_reason: str | None = None
    adresse: str | None = None
    telephone: str | None = None
    token_version: int = 0
    date_creation: datetime
    date_mise_a_jour: datetime
    last_login: datetime | None = None
    deleted_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def ban(self, reason: str | None, now: datetime) -> None:
        """Admins cannot be banned; a ban deactivates and revokes every token at once."""
        if self.is_admin:
            raise Forbidden("Impossible de bannir un admin")
        self.is_banned = True
        self.is_active = False
        self.ban_reason = reason
        self.revoke_tokens(now)

    def revoke_tokens(self, now: datetime) -> None:
        self.token_version += 1
        self.date_mise_a_jour = now

    def change_password(self, password_hash: str, now: datetime) -> None:
        self.password_hash = password_hash
        self.revoke_tokens(now)

    def anonymise(self, now: datetime) -> None:
        """Erase personal data but keep the row, so orders and payments stay for the accounts."""
        assert self.id is not None
        self.username = f"supprime-{self.id}"
        self.email = f"supprime-{self.id}@invalid"
        self.password_hash = "!"
        self.adresse = None
        self.telephone = None
        self.is_active = False
        self.deleted_at = now
        self.revoke_tokens(now)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_username(username: str) -> str:
    value = username.strip()
    if not value:
        raise InvalidInput.on_field("username", "Ce champ est obligatoire.")
    if not USERNAME_PATTERN.match(value):
        raise InvalidInput.on_field(
            "username",
            "Nom d'utilisateur invalide : 150 caractères au plus, lettres, chiffres et @.+-_ .",
        )
    return value


def check_email(email: str) -> str:
    value = normalise_email(email)
    if not value:
        raise InvalidInput.on_field("email", "Ce champ est obligatoire.")
    if len(value) > 254 or not EMAIL_PATTERN.match(value):
        raise InvalidInput.on_field("email", "Adresse e-mail invalide.")
    return value


def check_password(password: str, field: str = "password") -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput.on_field(field, "Le mot de passe doit comporter au moins 8 caractères")
    return password
