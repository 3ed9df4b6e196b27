"""Identity use cases, grouped for the composition root."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chezflora.application.identity.accounts import (
    BanUser,
    CreateUser,
    DeleteAccount,
    PersonalData,
    UpdateUser,
)
from chezflora.application.identity.authentication import Authenticate, LogIn, RefreshAccess
from chezflora.application.identity.passwords import (
    ChangePassword,
    ConfirmPasswordReset,
    RequestPasswordReset,
)
from chezflora.application.identity.registration import (
    RegisterCustomer,
    ResendActivationCode,
    VerifyActivationCode,
)
from chezflora.application.ports import Clock, PasswordHasher, TokenIssuer
from chezflora.application.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class IdentityUseCases:
    register: RegisterCustomer
    verify_code: VerifyActivationCode
    resend_code: ResendActivationCode
    log_in: LogIn
    refresh: RefreshAccess
    authenticate: Authenticate
    change_password: ChangePassword
    request_reset: RequestPasswordReset
    confirm_reset: ConfirmPasswordReset
    update_user: UpdateUser
    create_user: CreateUser
    ban_user: BanUser
    delete_account: DeleteAccount

    @classmethod
    def build(
        cls,
        uow: UnitOfWorkFactory,
        clock: Clock,
        hasher: PasswordHasher,
        tokens: TokenIssuer,
        erasers: Sequence[PersonalData] = (),
    ) -> IdentityUseCases:
        return cls(
            register=RegisterCustomer(uow, clock, hasher),
            verify_code=VerifyActivationCode(uow, clock),
            resend_code=ResendActivationCode(uow, clock),
            log_in=LogIn(uow, clock, hasher, tokens),
            refresh=RefreshAccess(uow, tokens),
            authenticate=Authenticate(uow, tokens),
            change_password=ChangePassword(uow, clock, hasher),
            request_reset=RequestPasswordReset(uow, clock),
            confirm_reset=ConfirmPasswordReset(uow, clock, hasher),
            update_user=UpdateUser(uow, clock, hasher),
            create_user=CreateUser(uow, clock, hasher),
            ban_user=BanUser(uow, clock),
            delete_account=DeleteAccount(uow, clock, erasers),
        )
