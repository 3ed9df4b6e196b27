"""Configured by environment, the language-model moderator sits behind the local rules and every
failure of the model holds the comment (through HTTP, on a real database)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from litestar.testing import TestClient

from chezflora.adapters.email.dispatch import InlineEmailDispatcher
from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.adapters.email.senders import FileEmailSender
from chezflora.adapters.sqlalchemy.repositories.outbox import OutboxStore
from chezflora.bootstrap import build_container
from chezflora.config import load_settings
from chezflora.entrypoints.http.app import create_app
from tests.integration.conftest import FAST_ARGON2
from tests.integration.helpers import bearer, make_admin, make_client
from tests.unit.blog.test_language_model_moderator import FakeModel, honest


@pytest.fixture
def model():
    server = FakeModel()
    yield server
    server.close()


@pytest.fixture
def blog_client(settings, clean_engine, clock, model):
    environment = {
        "CHEZFLORA_MODERATION_LLM_URL": model.url,
        "CHEZFLORA_MODERATION_LLM_KEY": "cle-test",
        "CHEZFLORA_MODERATION_LLM_MODEL": "modele-test",
        "CHEZFLORA_MODERATION_TIMEOUT_SECONDS": "0.5",
    }
    loaded = load_settings(environment)
    assert loaded.moderation_llm_url == model.url and loaded.moderation_timeout_seconds == 0.5
    configured = replace(
        settings,
        moderation_llm_url=loaded.moderation_llm_url,
        moderation_llm_key=loaded.moderation_llm_key,
        moderation_llm_model=loaded.moderation_llm_model,
        moderation_timeout_seconds=loaded.moderation_timeout_seconds,
    )
    sender = FileEmailSender(configured.outbox_dir, EmailRenderer(configured.mail_from))
    container = build_container(
        configured,
        engine=clean_engine,
        clock=clock,
        email_sender=sender,
        dispatcher=InlineEmailDispatcher(OutboxStore(clean_engine), sender, clock),
        hasher=FAST_ARGON2,
    )
    with TestClient(app=create_app(container), base_url="http://testserver.local") as client:
        yield client, container


def _setup(client, container):
    _, admin = make_admin(client, container)
    _, alice = make_client(client, container, "alice")
    form = {"titre": (None, "Roses"), "contenu": (None, "<p>x</p>"), "is_active": (None, "true")}
    article = client.post("/api/articles/", files=form, headers=bearer(admin)).json()["id"]
    return alice, article


@pytest.mark.parametrize(
    "behaviour",
    [
        lambda r: (500, b"{}"),
        lambda r: (200, b"n'importe quoi"),
        lambda r: (__import__("time").sleep(1.2), honest(r))[1],
    ],
    ids=["500", "garbage", "timeout"],
)
def test_a_failing_model_holds_every_comment(blog_client, model, behaviour):
    client, container = blog_client
    alice, article = _setup(client, container)
    model.behaviour = behaviour
    posted = client.post(
        "/api/commentaires/", json={"article": article, "texte": "Très joli"}, headers=bearer(alice)
    )
    assert posted.status_code == 201
    assert posted.json()["statut_moderation"] == "en_attente"
    assert client.get(f"/api/articles/{article}/").json()["commentaires"] == []


def test_a_working_model_publishes_and_the_local_rules_still_apply(blog_client, model):
    client, container = blog_client
    alice, article = _setup(client, container)
    ok = client.post(
        "/api/commentaires/", json={"article": article, "texte": "Très joli"}, headers=bearer(alice)
    )
    assert ok.json()["statut_moderation"] == "publie"
    asked = len(model.requests)
    insult = client.post(
        "/api/commentaires/",
        json={"article": article, "texte": "quel connard"},
        headers=bearer(alice),
    )
    assert insult.json()["statut_moderation"] == "masque"
    assert len(model.requests) == asked  # rejected locally, the model was not asked
