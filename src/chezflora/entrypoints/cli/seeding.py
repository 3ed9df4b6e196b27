"""Demo data: site parameters and the admin account; later features append their seeders."""

from __future__ import annotations

import argparse
import secrets
from collections.abc import Callable
from typing import Any

from chezflora.bootstrap import Container

SITE_PARAMETERS = {
    "site_name": ("ChezFlora", "Nom de la boutique"),
    "site_description": ("Fleurs fraîches, bouquets et plantes livrés au Cameroun", "Slogan"),
    "contact_email": ("contact@chezflora.cm", "Adresse de contact"),
    "contact_phone": ("+237 6 99 00 00 00", "Téléphone de contact"),
    "primary_color": ("#d6336c", "Couleur principale"),
    "SEUIL_STOCK_FAIBLE": ("5", "Seuil d'alerte de stock faible"),
    "otp_length": ("6", "Longueur des codes OTP"),
    "otp_characters": ("0123456789", "Alphabet des codes OTP"),
    "otp_validity_minutes": ("10", "Durée de validité des codes OTP (minutes)"),
}

Seeder = Callable[[Container, argparse.Namespace], None]
SEEDERS: list[Seeder] = []


def seed_parameters(container: Container) -> None:
    """Create missing parameters; never overwrite what the staff changed."""
    for cle, (valeur, description) in SITE_PARAMETERS.items():
        if not container.parameters.by_key(cle):
            container.save_parameter(cle, valeur, description)


def seed_admin(container: Container, args: argparse.Namespace) -> None:
    """The demo admin: password from CHEZFLORA_ADMIN_PASSWORD or generated once into var/."""
    username = "admin"
    path = container.settings.data_dir / "admin-password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(12))
        path.chmod(0o600)
    password = path.read_text().strip()
    ensure_admin(container, username, "admin@chezflora.cm", password)
    print(f"Compte administrateur : {username} / {password}  (mot de passe gardé dans {path})")


def ensure_admin(container: Container, username: str, email: str, password: str) -> str:
    """Create the admin, or reset the password of an existing one (idempotent)."""
    from chezflora.application.identity.accounts import NewUser, UserChanges
    from chezflora.domain.user import Role

    with container.uow() as uow:
        existing = uow.users.by_username(username)
    if existing is None:
        container.identity.create_user(
            NewUser(username=username, email=email, password=password, role=Role.ADMIN)
        )
        return "created"
    assert existing.id is not None
    values: dict[str, Any] = {"password": password, "role": "admin", "is_active": True}
    if existing.is_banned:
        values["is_banned"] = False
    container.identity.update_user(existing.id, True, existing.id, UserChanges(values=values))
    return "updated"


SEEDERS.append(seed_admin)


def _catalogue(container: Container, args: argparse.Namespace) -> None:
    # Imported here: the catalogue seeder imports Pillow, which the admin commands do not need.
    from chezflora.entrypoints.cli.seed_catalogue import seed_catalogue

    seed_catalogue(container, args)


SEEDERS.append(_catalogue)
