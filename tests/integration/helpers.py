"""Helpers for HTTP tests: read codes from the outbox, make accounts, bearer headers."""

from __future__ import annotations

import email
import re
from email.message import Message
from pathlib import Path
from typing import Any

from chezflora.bootstrap import Container
from chezflora.entrypoints.cli.seeding import ensure_admin

PASSWORD = "motdepasse-1"


def outbox_messages(container: Container) -> list[Message]:
    folder = container.settings.outbox_dir
    files = sorted(folder.glob("*.eml")) if folder.exists() else []
    return [email.message_from_bytes(Path(f).read_bytes()) for f in files]


def last_code(container: Container, to: str | None = None) -> str:
    for message in reversed(outbox_messages(container)):
        if to is None or message["To"] == to:
            body = message.get_payload(decode=True)
            assert isinstance(body, bytes)
            found = re.search(r"Code : (\S+)", body.decode())
            if found:
                return found.group(1)
    raise AssertionError("no code in the outbox")


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def make_client(client: Any, container: Container, username: str) -> tuple[int, str]:
    """Register, verify and log in a client; returns (user_id, access token)."""
    mail = f"{username}@example.cm"
    created = client.post(
        "/api/register/", json={"username": username, "email": mail, "password": PASSWORD}
    )
    assert created.status_code == 201, created.text
    user_id = created.json()["user_id"]
    verified = client.post(
        "/api/verify-otp/", json={"user_id": user_id, "code": last_code(container, mail)}
    )
    assert verified.status_code == 200, verified.text
    return user_id, login(client, username)


def make_admin(client: Any, container: Container, username: str = "patron") -> tuple[int, str]:
    ensure_admin(container, username, f"{username}@chezflora.cm", PASSWORD)
    token = login(client, username)
    me = client.get("/api/utilisateurs/me/", headers=bearer(token)).json()
    return me["id"], token


def login(client: Any, username: str, password: str = PASSWORD) -> str:
    response = client.post("/api/token/", json={"username": username, "password": password})
    assert response.status_code == 200, response.text
    return str(response.json()["access"])
