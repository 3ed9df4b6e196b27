"""Wire shapes of accounts and parameters (French names, never a password hash)."""

from __future__ import annotations

from datetime import datetime

import msgspec

from chezflora.domain.parameter import Parameter
from chezflora.domain.user import User
from chezflora.entrypoints.http.wire.values import Id


class Body(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """Request bodies: unknown fields are refused, not ignored."""


class UserOut(msgspec.Struct, kw_only=True):
    id: int
    username: str
    email: str
    adresse: str | None
    telephone: str | None
    role: str
    is_active: bool
    is_banned: bool
    ban_reason: str | None
    date_creation: datetime
    date_mise_a_jour: datetime
    last_login: datetime | None


class UserBrief(msgspec.Struct, kw_only=True):
    """How a user is nested in other resources (carts, orders, addresses...)."""

    id: int
    username: str
    email: str


def user_out(user: User) -> UserOut:
    assert user.id is not None
    return UserOut(
        id=user.id,
        username=user.username,
        email=user.email,
        adresse=user.adresse,
        telephone=user.telephone,
        role=user.role.value,
        is_active=user.is_active,
        is_banned=user.is_banned,
        ban_reason=user.ban_reason,
        date_creation=user.date_creation,
        date_mise_a_jour=user.date_mise_a_jour,
        last_login=user.last_login,
    )


class Credentials(Body):
    username: str
    password: str


class RefreshIn(Body):
    refresh: str


class TokensOut(msgspec.Struct):
    access: str
    refresh: str


class AccessOut(msgspec.Struct):
    access: str


class RegisterIn(Body):
    username: str = ""
    email: str = ""
    password: str = ""


class VerifyIn(Body):
    user_id: Id | None = None
    code: str | None = None


class ResendIn(Body):
    user_id: Id | None = None
    email: str | None = None


class ResetIn(Body):
    email: str | None = None


class ResetConfirmIn(Body):
    email: str
    code: str
    new_password: str


class ChangePasswordIn(Body):
    old_password: str | None = None
    new_password: str | None = None
    confirm_password: str | None = None


class NewUserIn(Body):
    username: str
    email: str
    password: str
    role: str = "client"
    is_active: bool = True
    telephone: str | None = None
    adresse: str | None = None


class BanIn(Body):
    user_id: Id | None = None
    reason: str | None = None
    ban_reason: str | None = None


class StatusOut(msgspec.Struct, omit_defaults=True):
    status: str
    user_id: Id | None = None


class ParameterOut(msgspec.Struct, kw_only=True):
    id: int
    cle: str
    valeur: str
    description: str | None
    date_mise_a_jour: datetime


class ParameterIn(Body):
    cle: str
    valeur: str
    description: str | None = None


class ParameterPatch(Body):
    cle: str | None = None
    valeur: str | None = None
    description: str | None = None


def parameter_out(parameter: Parameter) -> ParameterOut:
    assert parameter.id is not None
    return ParameterOut(
        id=parameter.id,
        cle=parameter.cle,
        valeur=parameter.valeur,
        description=parameter.description,
        date_mise_a_jour=parameter.date_mise_a_jour,
    )
