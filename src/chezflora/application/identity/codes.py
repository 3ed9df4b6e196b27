"""Issuing and checking one-time codes: generated from the OTP parameters, stored hashed."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from chezflora.application.ports import OutgoingEmail
from chezflora.application.unit_of_work import UnitOfWork
from chezflora.domain.errors import InvalidInput
from chezflora.domain.one_time_code import INVALID_CODE, CodePurpose, OneTimeCode
from chezflora.domain.parameter import int_setting
from chezflora.domain.user import User

RESEND_COOLDOWN = timedelta(seconds=60)
RESET_VALIDITY = timedelta(hours=1)
OTP_KEYS = ("otp_length", "otp_characters", "otp_validity_minutes")
TEMPLATES = {CodePurpose.ACTIVATION: "otp", CodePurpose.RESET: "password_reset"}


def hash_code(user_id: int, purpose: CodePurpose, code: str) -> str:
    return hashlib.sha256(f"{purpose}:{user_id}:{code.strip()}".encode()).hexdigest()


def issue_code(
    uow: UnitOfWork, user: User, purpose: CodePurpose, now: datetime, *, resent: bool = False
) -> None:
    """Replace the user's codes of that purpose with a fresh one and e-mail it."""
    assert user.id is not None
    values = uow.parameters.values(OTP_KEYS)
    length = int_setting(values, "otp_length", 4, 20)
    alphabet = values.get("otp_characters") or "0123456789"
    minutes = int_setting(values, "otp_validity_minutes", 1, 24 * 60)
    code = "".join(secrets.choice(alphabet) for _ in range(length))
    lifetime = timedelta(minutes=minutes) if purpose is CodePurpose.ACTIVATION else RESET_VALIDITY
    uow.codes.delete_for(user.id, purpose)
    uow.codes.add(
        OneTimeCode(
            user_id=user.id,
            purpose=purpose,
            code_hash=hash_code(user.id, purpose, code),
            created_at=now,
            expires_at=now + lifetime,
        )
    )
    uow.outbox.add(
        OutgoingEmail(
            to=user.email,
            template=TEMPLATES[purpose],
            context={
                "username": user.username,
                "code": code,
                "minutes": int(lifetime.total_seconds() // 60),
                "resent": resent,
            },
        )
    )


def check_code(
    uow: UnitOfWork, user_id: int, purpose: CodePurpose, candidate: str, now: datetime
) -> bool:
    """Consume the code when it matches; count a failure otherwise. Returns whether it matched."""
    code = uow.codes.latest(user_id, purpose)
    if code is None or code.id is None:
        raise InvalidInput(INVALID_CODE)
    code.ensure_usable(now)
    if not hmac.compare_digest(code.code_hash, hash_code(user_id, purpose, candidate)):
        uow.codes.record_failure(code.id)
        return False
    if not uow.codes.consume(code.id, now):
        raise InvalidInput(INVALID_CODE)
    return True


def in_cooldown(uow: UnitOfWork, user_id: int, purpose: CodePurpose, now: datetime) -> bool:
    latest = uow.codes.latest(user_id, purpose)
    return latest is not None and now - latest.created_at < RESEND_COOLDOWN
