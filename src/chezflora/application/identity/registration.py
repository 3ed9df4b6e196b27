"""Sign-up: register an inactive client, verify the e-mailed code, resend it."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.identity.codes import check_code, in_cooldown, issue_code
from chezflora.application.ports import Clock, PasswordHasher
from chezflora.application.unit_of_work import UnitOfWork, UnitOfWorkFactory
from chezflora.domain.errors import Forbidden, InvalidInput, NotFound, TooManyRequests
from chezflora.domain.one_time_code import INVALID_CODE, CodePurpose
from chezflora.domain.user import Role, User, check_email, check_password, check_username

BANNED = "Ce compte est banni et ne peut pas être utilisé."


@dataclass(frozen=True)
class Register:
    username: str
    email: str
    password: str


class RegisterCustomer:
    """Creates an inactive client and e-mails a code.

    - An inactive account with that e-mail or username gets a new code and a 400 naming it.
    - A taken username or e-mail of an active account is a field error.
    """

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher) -> None:
        self._uow, self._clock, self._hasher = uow, clock, hasher

    def __call__(self, cmd: Register) -> int:
        username, email = check_username(cmd.username), check_email(cmd.email)
        now = self._clock.now()
        with self._uow() as uow:
            existing = uow.users.by_email(email) or uow.users.by_username(username)
            if existing is not None and not existing.is_active and not existing.is_banned:
                issue_code(uow, existing, CodePurpose.ACTIVATION, now)
                uow.commit()
                raise InvalidInput("Utilisateur existe mais non actif", user_id=existing.id)
            _ensure_free(uow, username, email)
            check_password(cmd.password)
            user = User(
                username=username,
                email=email,
                password_hash=self._hasher.hash(cmd.password),
                role=Role.CLIENT,
                date_creation=now,
                date_mise_a_jour=now,
            )
            uow.users.add(user)
            assert user.id is not None
            uow.carts.ensure(user.id, now)  # the cart is created with the account (decisions §2)
            issue_code(uow, user, CodePurpose.ACTIVATION, now)
            uow.commit()
        assert user.id is not None
        return user.id


def _ensure_free(
    uow: UnitOfWork, username: str, email: str, *, except_id: int | None = None
) -> None:
    fields: dict[str, list[str]] = {}
    by_name = uow.users.by_username(username)
    if by_name is not None and by_name.id != except_id:
        fields["username"] = ["Un utilisateur avec ce nom existe déjà."]
    by_email = uow.users.by_email(email)
    if by_email is not None and by_email.id != except_id:
        fields["email"] = ["Cet email est déjà utilisé."]
    if fields:
        raise InvalidInput("Email ou nom d’utilisateur déjà utilisé", fields=fields)


ensure_identity_free = _ensure_free


class VerifyActivationCode:
    """Activates the account when the code matches; five wrong tries burn the code."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, user_id: int, code: str) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.get(user_id, for_update=True)
            if user is None:
                raise NotFound("Utilisateur non trouvé")
            if user.is_banned:
                raise Forbidden(BANNED, error="BannedUserException")
            matched = check_code(uow, user_id, CodePurpose.ACTIVATION, code, now)
            if matched:
                user.is_active = True
                user.date_mise_a_jour = now
                uow.users.save(user)
            uow.commit()
        if not matched:
            raise InvalidInput(INVALID_CODE)


class ResendActivationCode:
    """New code for an inactive, non-banned account, found by id or e-mail; 60 s cooldown.

    By e-mail the caller learns nothing (no account enumeration): the answer is the same
    whether an inactive account exists, is active, is banned or is cooling down (None)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, user_id: int | None, email: str | None) -> int | None:
        now = self._clock.now()
        silent = user_id is None
        with self._uow() as uow:
            user = uow.users.get(user_id) if user_id is not None else None
            if user is None and email:
                user = uow.users.by_email(email.strip().lower())
            if user is None or user.is_active or user.is_banned:
                if silent:
                    return None
                raise NotFound("Aucun utilisateur inactif et non banni avec cet email")
            assert user.id is not None
            if in_cooldown(uow, user.id, CodePurpose.ACTIVATION, now):
                if silent:
                    return None
                raise TooManyRequests(60, "Veuillez patienter avant de demander un nouveau code.")
            issue_code(uow, user, CodePurpose.ACTIVATION, now, resent=True)
            uow.commit()
            return None if silent else user.id
