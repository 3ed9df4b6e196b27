"""The contact form e-mails support; missing fields, header injection and floods are refused."""

from __future__ import annotations

from tests.integration.helpers import outbox_messages


def test_a_contact_message_reaches_support_with_a_single_line_subject(client, container):
    response = client.post(
        "/api/contact/",
        json={"name": "Awa\r\nBcc: x@evil.cm", "email": "awa@example.cm", "message": "Bonjour !"},
    )
    assert response.status_code == 200
    assert response.json() == {"status": "Message envoyé avec succès."}
    message = outbox_messages(container)[-1]
    assert message["To"] == container.settings.support_email
    assert message["Subject"] == "Nouveau message de Awa Bcc: x@evil.cm via ChezFlora"
    assert message["Bcc"] is None


def test_every_field_is_required(client):
    response = client.post("/api/contact/", json={"name": "Awa", "email": "", "message": "x"})
    assert response.status_code == 400
    assert response.json()["error"] == "Tous les champs sont requis."


def test_the_contact_form_is_throttled(client):
    body = {"name": "A", "email": "a@b.cm", "message": "m"}
    statuses = [client.post("/api/contact/", json=body).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
