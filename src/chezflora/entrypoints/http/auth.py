"""Who is calling: bearer token → viewer; `caller` needs a user, `admin` needs role admin."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.di import NamedDependency, Provide

from chezflora.application.identity.authentication import CheckedToken, Viewer
from chezflora.bootstrap import Container
from chezflora.domain.errors import Forbidden, NotAuthenticated
from chezflora.entrypoints.http.blocking import in_thread

ACCOUNTS = "accounts"
# A token found valid is not read against its account again for this long while no account
# changes: any account write bumps ACCOUNTS in every process (versions shared through Redis;
# without Redis an entry lasts the cache's short TTL). Its expiry is checked at every use.
CHECK_LASTS = 300.0
NOBODY = object()  # a token already found invalid
NOT_AUTHENTICATED = "Informations d'authentification non fournies."
ADMIN_ONLY = "Réservé aux administrateurs"


def auth_providers(container: Container) -> dict[str, Provide]:
    """`viewer` (anyone), `caller` (a signed-in user) and `admin`, for this container."""

    async def provide_viewer(request: Request[Any, Any, Any]) -> Viewer | None:
        """An invalid or expired token counts as anonymous: public pages keep working.

        A token is checked against the account (ban, token version) in a worker thread, and the
        answer is kept in the read cache until any account changes ("accounts" namespace), so a
        ban or a password change refuses the token at once, in every process.
        """
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        cache, token = container.read_cache, token.strip()
        version = cache.version(ACCOUNTS)
        known = cache.get(ACCOUNTS, token, version)
        if isinstance(known, CheckedToken) and known.expires_at > container.clock.now():
            return known.viewer
        if known is NOBODY:
            return None
        checked = await in_thread(container.identity.authenticate, token)
        if checked is None:
            cache.put(ACCOUNTS, token, version, NOBODY)
            return None
        cache.put(ACCOUNTS, token, version, checked, lasting=CHECK_LASTS)
        return checked.viewer

    return {
        "viewer": Provide(provide_viewer),
        "caller": Provide(provide_caller, sync_to_thread=False),
        "admin": Provide(provide_admin, sync_to_thread=False),
    }


def provide_caller(viewer: NamedDependency[Viewer | None]) -> Viewer:
    if viewer is None:
        raise NotAuthenticated(NOT_AUTHENTICATED, error="NotAuthenticated")
    return viewer


def provide_admin(caller: NamedDependency[Viewer]) -> Viewer:
    if not caller.is_admin:
        raise Forbidden(ADMIN_ONLY)
    return caller
