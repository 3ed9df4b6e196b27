"""Account changes: own profile, admin management of users, bans, deletion."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from chezflora.application.identity.registration import ensure_identity_free
from chezflora.application.ports import Clock, PasswordHasher
from chezflora.application.unit_of_work import UnitOfWork, UnitOfWorkFactory
from chezflora.domain.errors import Conflict, Forbidden, InvalidInput, NotFound
from chezflora.domain.one_time_code import CodePurpose
from chezflora.domain.user import Role, User, check_email, check_password, check_username

LAST_ADMIN = "Impossible : c'est le dernier administrateur actif de la boutique."
SELF_EDITABLE = frozenset({"username", "email", "telephone", "adresse"})
ADMIN_EDITABLE = SELF_EDITABLE | {"role", "is_active", "is_banned", "ban_reason", "password"}


@dataclass(frozen=True)
class UserChanges:
    """A partial update: only the keys present in `values` change."""

    values: dict[str, object] = field(default_factory=dict)


class UpdateUser:
    """Partial update of a user by themself or by an admin.

    - Clients change only their own username, e-mail, phone and address.
    - Admins also set role, activation, ban (never on an admin) and password (hashed).
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher) -> None:
        self._uow, self._clock, self._hasher = uow, clock, hasher

    def __call__(
        self, actor_id: int, actor_is_admin: bool, target_id: int, changes: UserChanges
    ) -> User:
        # Access first, so a refused field never tells whether someone else's account exists.
        if not actor_is_admin and actor_id != target_id:
            raise Forbidden("Vous ne pouvez modifier que votre propre profil")
        allowed = ADMIN_EDITABLE if actor_is_admin else SELF_EDITABLE
        refused = sorted(set(changes.values) - allowed)
        if refused:
            raise InvalidInput(
                f"Vous ne pouvez pas modifier le champ {refused[0]}",
                fields={name: ["Champ non modifiable."] for name in refused},
            )
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.get(target_id, for_update=True)
            if user is None or user.deleted_at is not None:
                raise NotFound("Utilisateur non trouvé")
            was_admin = user.is_admin and user.is_active
            self._apply(user, changes.values, now)
            if was_admin and not (user.is_admin and user.is_active):
                ensure_another_admin(uow, target_id)
            ensure_identity_free(uow, user.username, user.email, except_id=user.id)
            user.date_mise_a_jour = now
            uow.users.save(user)
            uow.commit()
        return user

    def _apply(self, user: User, values: dict[str, object], now: object) -> None:
        for name, value in values.items():
            if name == "username":
                user.username = check_username(_text(name, value))
            elif name == "email":
                user.email = check_email(_text(name, value))
            elif name in {"telephone", "adresse", "ban_reason"}:
                setattr(user, name, _optional_text(name, value, 20 if name == "telephone" else 500))
            elif name == "role":
                user.role = _role(value)
            elif name == "password":
                user.change_password(
                    self._hasher.hash(check_password(_text(name, value))), self._clock.now()
                )
            elif name == "is_active":
                user.is_active = _bool(name, value)
            elif name == "is_banned":
                _set_banned(user, _bool(name, value), self._clock)
        if user.is_banned and user.is_admin:
            raise Forbidden("Impossible de bannir un admin")


def ensure_another_admin(uow: UnitOfWork, user_id: int) -> None:
    if not any(admin.id != user_id for admin in uow.users.admins()):
        raise Conflict(LAST_ADMIN)


def _set_banned(user: User, banned: bool, clock: Clock) -> None:
    if banned and not user.is_banned:
        reason = user.ban_reason
        user.ban(reason, clock.now())
    elif not banned and user.is_banned:
        user.is_banned = False
        user.ban_reason = None


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput.on_field(name, "Une chaîne de caractères est attendue.")
    return value


def _optional_text(name: str, value: object, max_length: int) -> str | None:
    if value is None:
        return None
    text = _text(name, value).strip()
    if len(text) > max_length:
        raise InvalidInput.on_field(name, f"Au plus {max_length} caractères.")
    return text or None


def _bool(name: str, value: object) -> bool:
    # Form-encoded clients send "true"/"false" strings (frontend-contract.md §1.5).
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        return value.strip().lower() == "true"
    if not isinstance(value, bool):
        raise InvalidInput.on_field(name, "Un booléen est attendu.")
    return value


def _role(value: object) -> Role:
    try:
        return Role(str(value))
    except ValueError:
        raise InvalidInput.on_field("role", "Rôle inconnu : client ou admin.") from None


@dataclass(frozen=True)
class NewUser:
    username: str
    email: str
    password: str
    role: Role = Role.CLIENT
    is_active: bool = True
    telephone: str | None = None
    adresse: str | None = None


class CreateUser:
    """An admin creates an account directly: active by default, no code, any role."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher) -> None:
        self._uow, self._clock, self._hasher = uow, clock, hasher

    def __call__(self, cmd: NewUser) -> User:
        username, email = check_username(cmd.username), check_email(cmd.email)
        check_password(cmd.password)
        now = self._clock.now()
        with self._uow() as uow:
            ensure_identity_free(uow, username, email)
            user = User(
                username=username,
                email=email,
                password_hash=self._hasher.hash(cmd.password),
                role=cmd.role,
                is_active=cmd.is_active,
                telephone=_optional_text("telephone", cmd.telephone, 20),
                adresse=_optional_text("adresse", cmd.adresse, 500),
                date_creation=now,
                date_mise_a_jour=now,
            )
            uow.users.add(user)
            assert user.id is not None
            uow.carts.ensure(user.id, now)  # the cart is created with the account (decisions §2)
            uow.commit()
        return user


class BanUser:
    """Bans a client at once (tokens revoked); admins cannot be banned."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, user_id: int, reason: str | None) -> None:
        with self._uow() as uow:
            user = uow.users.get(user_id, for_update=True)
            if user is None or user.deleted_at is not None:
                raise NotFound("Utilisateur non trouvé")
            user.ban(reason, self._clock.now())
            uow.users.save(user)
            uow.commit()


class PersonalData(Protocol):
    def erase(self, uow: UnitOfWork, user_id: int, now: datetime) -> None:
        """Remove or end what a feature keeps about the person, inside the deletion."""


class DeleteAccount:
    """Erases personal data but keeps the anonymised row (orders and payments stay).

    - Every feature's `PersonalData` is erased in the same transaction.
    - The last active admin cannot be deleted: the shop would have no one to run it.
    """

    def __init__(
        self, uow: UnitOfWorkFactory, clock: Clock, erasers: Sequence[PersonalData] = ()
    ) -> None:
        self._uow, self._clock, self._erasers = uow, clock, tuple(erasers)

    def __call__(self, user_id: int) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.get(user_id, for_update=True)
            if user is None or user.deleted_at is not None:
                raise NotFound("Utilisateur non trouvé")
            if user.is_admin:
                ensure_another_admin(uow, user_id)
            for eraser in self._erasers:
                eraser.erase(uow, user_id, now)
            user.anonymise(now)
            uow.users.save(user)
            for purpose in CodePurpose:
                uow.codes.delete_for(user_id, purpose)
            uow.commit()
