"""Own account (me, profile, password) and admin management of users."""

from __future__ import annotations

from typing import Any

from litestar import HttpMethod, Request, delete, get, patch, post, route
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody

from chezflora.application.identity import IdentityUseCases
from chezflora.application.identity.accounts import NewUser, UserChanges
from chezflora.application.identity.authentication import Viewer
from chezflora.application.identity.queries import UserFilters, UserQueries
from chezflora.domain.errors import Forbidden, InvalidInput, NotFound
from chezflora.domain.user import Role
from chezflora.entrypoints.http import query
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.pages import envelope
from chezflora.entrypoints.http.wire.identity import (
    BanIn,
    ChangePasswordIn,
    NewUserIn,
    StatusOut,
    UserOut,
    user_out,
)

AnyRequest = Request[Any, Any, Any]


@get("/api/utilisateurs/me/", tags=["comptes"])
@blocking
def me(caller: NamedDependency[Viewer], user_queries: Injected[UserQueries]) -> UserOut:
    """The caller's own account."""
    user = user_queries.get(caller.user_id)
    if user is None:
        raise NotFound("Utilisateur non trouvé")
    return user_out(user)


@delete("/api/utilisateurs/me/", tags=["comptes"])
@blocking
def delete_me(caller: NamedDependency[Viewer], identity: Injected[IdentityUseCases]) -> None:
    """Delete one's own account: personal data erased, orders kept anonymised."""
    identity.delete_account(caller.user_id)


@patch(["/api/update-profile/", "/api/utilisateurs/update_profile/"], tags=["comptes"])
@blocking
def update_profile(
    data: JSONBody[dict[str, Any]],
    caller: NamedDependency[Viewer],
    identity: Injected[IdentityUseCases],
) -> UserOut:
    """Change one's own username, e-mail, phone or address."""
    changes = UserChanges(values=data)
    return user_out(identity.update_user(caller.user_id, False, caller.user_id, changes))


@post(
    ["/api/change-password/", "/api/utilisateurs/change_password/"],
    status_code=200,
    tags=["comptes"],
)
@blocking
def change_password(
    data: JSONBody[ChangePasswordIn],
    caller: NamedDependency[Viewer],
    identity: Injected[IdentityUseCases],
) -> StatusOut:
    """Needs the old password; every older token stops working."""
    identity.change_password(
        caller.user_id, data.old_password, data.new_password, data.confirm_password
    )
    return StatusOut(status="Mot de passe modifié avec succès")


@get("/api/utilisateurs/", tags=["comptes"])
@blocking
def list_users(
    request: AnyRequest,
    admin: NamedDependency[Viewer],
    user_queries: Injected[UserQueries],
    base_url: Injected[str],
) -> dict[str, Any]:
    """All accounts (admin): filters role, is_active, is_banned; search; ordering."""
    params = request.query_params
    filters = UserFilters(
        role=query.text(params, "role"),
        is_active=query.boolean(params, "is_active"),
        is_banned=query.boolean(params, "is_banned"),
    )
    page = user_queries.find(filters, query.list_options(params), query.page_request(params))
    return envelope(request, page, user_out, base_url)


@post("/api/utilisateurs/", tags=["comptes"])
@blocking
def create_user(
    data: JSONBody[NewUserIn], admin: NamedDependency[Viewer], identity: Injected[IdentityUseCases]
) -> UserOut:
    """An admin creates an active account of any role, without a code."""
    try:
        role = Role(data.role)
    except ValueError:
        raise InvalidInput.on_field("role", "Rôle inconnu : client ou admin.") from None
    command = NewUser(
        username=data.username,
        email=data.email,
        password=data.password,
        role=role,
        is_active=data.is_active,
        telephone=data.telephone,
        adresse=data.adresse,
    )
    return user_out(identity.create_user(command))


@get("/api/utilisateurs/{user_id:int}/", tags=["comptes"])
@blocking
def user_detail(
    user_id: FromPath[int], caller: NamedDependency[Viewer], user_queries: Injected[UserQueries]
) -> UserOut:
    """An account: admins see all, a client only their own."""
    if not caller.is_admin and caller.user_id != user_id:
        raise Forbidden("Vous ne pouvez consulter que votre propre profil")
    user = user_queries.get(user_id)
    if user is None:
        raise NotFound("Utilisateur non trouvé")
    return user_out(user)


@route(
    "/api/utilisateurs/{user_id:int}/",
    http_method=[HttpMethod.PUT, HttpMethod.PATCH],
    tags=["comptes"],
)
@blocking
def update_user(
    user_id: FromPath[int],
    data: JSONBody[dict[str, Any]],
    caller: NamedDependency[Viewer],
    identity: Injected[IdentityUseCases],
) -> UserOut:
    """Partial update (clients send PUT with a few keys): admins any account, clients own."""
    changes = UserChanges(values=data)
    return user_out(identity.update_user(caller.user_id, caller.is_admin, user_id, changes))


@delete("/api/utilisateurs/{user_id:int}/", tags=["comptes"])
@blocking
def delete_user(
    user_id: FromPath[int], admin: NamedDependency[Viewer], identity: Injected[IdentityUseCases]
) -> None:
    """Admin deletes an account (anonymised; its orders stay for the accounts)."""
    identity.delete_account(user_id)


@post(
    ["/api/ban-user/", "/api/utilisateurs/ban_user/"],
    status_code=200,
    tags=["comptes"],
)
@blocking
def ban_user(
    data: JSONBody[BanIn], admin: NamedDependency[Viewer], identity: Injected[IdentityUseCases]
) -> StatusOut:
    """Ban a client at once; admins cannot be banned. Unban through PUT is_banned=false."""
    if data.user_id is None:
        raise InvalidInput("user_id requis")
    identity.ban_user(data.user_id, data.reason or data.ban_reason)
    return StatusOut(status="Utilisateur banni")


ROUTES = [
    me,
    delete_me,
    update_profile,
    change_password,
    list_users,
    create_user,
    user_detail,
    update_user,
    delete_user,
    ban_user,
]
