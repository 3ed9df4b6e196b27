"""Sign-up, codes, login, refresh and password reset (anonymous endpoints, throttled)."""

from __future__ import annotations

from typing import Any

from litestar import Request, post
from litestar.params import JSONBody

from chezflora.application.identity import IdentityUseCases
from chezflora.application.identity.registration import Register
from chezflora.domain.errors import InvalidInput
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.throttle import Throttle
from chezflora.entrypoints.http.wire.identity import (
    AccessOut,
    Credentials,
    RefreshIn,
    RegisterIn,
    ResendIn,
    ResetConfirmIn,
    ResetIn,
    StatusOut,
    TokensOut,
    VerifyIn,
)

AnyRequest = Request[Any, Any, Any]
ACCOUNT_SCOPE = "login_account"


@post("/api/token/", status_code=200, tags=["auth"], opt={"errors": (401, 403)})
@blocking
def obtain_tokens(
    request: AnyRequest,
    data: JSONBody[Credentials],
    identity: Injected[IdentityUseCases],
    throttle: Injected[Throttle],
) -> TokensOut:
    """Log in with username and password (throttled per IP, and failures per account)."""
    throttle("login")
    account = data.username.strip().lower()
    throttle.refuse_if_spent(ACCOUNT_SCOPE, account)
    try:
        pair = identity.log_in(data.username, data.password)
    except InvalidInput:
        throttle.count(ACCOUNT_SCOPE, account)  # only failures count
        raise
    return TokensOut(access=pair.access, refresh=pair.refresh)


@post("/api/token/refresh/", status_code=200, tags=["auth"])
@blocking
def refresh_token(data: JSONBody[RefreshIn], identity: Injected[IdentityUseCases]) -> AccessOut:
    """A new access token; a bad refresh token is a 400 (the React client hangs on 401)."""
    return AccessOut(access=identity.refresh(data.refresh))


@post(["/api/register/", "/api/utilisateurs/register/"], tags=["auth"])
@blocking
def register(
    request: AnyRequest,
    data: JSONBody[RegisterIn],
    identity: Injected[IdentityUseCases],
    throttle: Injected[Throttle],
) -> StatusOut:
    """Create an inactive client and e-mail an activation code."""
    throttle("register")
    user_id = identity.register(Register(data.username, data.email, data.password))
    return StatusOut(status="Utilisateur créé, OTP envoyé par email", user_id=user_id)


@post(
    ["/api/verify-otp/", "/api/utilisateurs/verify_otp/"],
    status_code=200,
    tags=["auth"],
)
@blocking
def verify_otp(
    request: AnyRequest,
    data: JSONBody[VerifyIn],
    identity: Injected[IdentityUseCases],
    throttle: Injected[Throttle],
) -> StatusOut:
    """Activate an account with its code (five wrong tries burn the code)."""
    throttle("verify_otp")
    if data.user_id is None or not data.code:
        raise InvalidInput("user_id et code sont requis")
    identity.verify_code(data.user_id, data.code)
    return StatusOut(status="Compte activé")


@post(
    ["/api/resend-otp/", "/api/utilisateurs/resend_otp/"],
    status_code=200,
    tags=["auth"],
)
@blocking
def resend_otp(
    request: AnyRequest,
    data: JSONBody[ResendIn],
    identity: Injected[IdentityUseCases],
    throttle: Injected[Throttle],
) -> StatusOut:
    """A new activation code, by `user_id` or `email`; one a minute at most."""
    throttle("resend_otp")
    if data.user_id is None and not data.email:
        raise InvalidInput("Email requis")
    user_id = identity.resend_code(data.user_id, data.email)
    return StatusOut(status="Nouvel OTP envoyé", user_id=user_id)


@post(
    ["/api/reset_password/", "/api/utilisateurs/reset_password/"],
    status_code=200,
    tags=["auth"],
)
@blocking
def reset_password(
    request: AnyRequest,
    data: JSONBody[ResetIn],
    identity: Injected[IdentityUseCases],
    throttle: Injected[Throttle],
) -> StatusOut:
    """E-mail a reset code; the answer is the same whether the account exists or not."""
    throttle("reset")
    if not data.email:
        raise InvalidInput("Email requis")
    identity.request_reset(data.email)
    return StatusOut(status="Code de réinitialisation envoyé")


@post(
    ["/api/reset_password/confirm/", "/api/utilisateurs/reset_password/confirm/"],
    status_code=200,
    tags=["auth"],
)
@blocking
def confirm_reset(
    request: AnyRequest,
    data: JSONBody[ResetConfirmIn],
    identity: Injected[IdentityUseCases],
    throttle: Injected[Throttle],
) -> StatusOut:
    """Set a new password with the e-mailed reset code."""
    throttle("reset")
    identity.confirm_reset(data.email, data.code, data.new_password)
    return StatusOut(status="Mot de passe réinitialisé avec succès")


ROUTES = [
    obtain_tokens,
    refresh_token,
    register,
    verify_otp,
    resend_otp,
    reset_password,
    confirm_reset,
]
