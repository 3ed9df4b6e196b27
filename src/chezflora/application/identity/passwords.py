"""Changing a password, and resetting a forgotten one by e-mailed code."""

from __future__ import annotations

from chezflora.application.identity.codes import check_code, in_cooldown, issue_code
from chezflora.application.ports import Clock, PasswordHasher
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.one_time_code import INVALID_CODE, CodePurpose
from chezflora.domain.user import MIN_PASSWORD_LENGTH, normalise_email

MISSING = "Tous les champs (old_password, new_password, confirm_password) sont requis"
TOO_SHORT = "Le nouveau mot de passe doit comporter au moins 8 caractères"


class ChangePassword:
    """Needs the old password and a matching confirmation (≥ 8 chars); revokes older tokens."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher) -> None:
        self._uow, self._clock, self._hasher = uow, clock, hasher

    def __call__(self, user_id: int, old: str | None, new: str | None, confirm: str | None) -> None:
        if not old or not new or not confirm:
            raise InvalidInput(MISSING)
        with self._uow() as uow:
            user = uow.users.get(user_id, for_update=True)
            if user is None:
                raise NotFound("Utilisateur non trouvé")
            if not self._hasher.verify(user.password_hash, old):
                raise InvalidInput("L’ancien mot de passe est incorrect")
            if new != confirm:
                raise InvalidInput(
                    "Le nouveau mot de passe et la confirmation ne correspondent pas"
                )
            if len(new) < MIN_PASSWORD_LENGTH:
                raise InvalidInput(TOO_SHORT)
            user.change_password(self._hasher.hash(new), self._clock.now())
            uow.users.save(user)
            uow.commit()


class RequestPasswordReset:
    """Always answers the same (no account enumeration); e-mails a reset code when it can."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, email: str) -> None:
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.by_email(normalise_email(email))
            if user is None or user.is_banned or user.id is None:
                return
            if in_cooldown(uow, user.id, CodePurpose.RESET, now):
                return
            issue_code(uow, user, CodePurpose.RESET, now)
            uow.commit()


class ConfirmPasswordReset:
    """E-mail + reset code + new password; the code is single use and cannot activate an account."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, hasher: PasswordHasher) -> None:
        self._uow, self._clock, self._hasher = uow, clock, hasher

    def __call__(self, email: str, code: str, new_password: str) -> None:
        if len(new_password) < MIN_PASSWORD_LENGTH:
            raise InvalidInput.on_field("new_password", TOO_SHORT)
        now = self._clock.now()
        with self._uow() as uow:
            user = uow.users.by_email(normalise_email(email))
            if user is None or user.id is None or user.is_banned:
                raise InvalidInput(INVALID_CODE)
            matched = check_code(uow, user.id, CodePurpose.RESET, code, now)
            if matched:
                user.change_password(self._hasher.hash(new_password), now)
                uow.users.save(user)
            uow.commit()
        if not matched:
            raise InvalidInput(INVALID_CODE)
