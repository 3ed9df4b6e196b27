"""Every quote e-mail renders in French, with the answer's price (FCFA) and comment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

from chezflora.adapters.email.rendering import EmailRenderer
from chezflora.application.ports import OutgoingEmail
from chezflora.application.services import notices
from chezflora.application.services.ports import ServicesUnitOfWork
from chezflora.domain.money import Money
from chezflora.domain.quote import Quote, QuoteStatus, Role
from chezflora.domain.service import Service
from chezflora.domain.user import Role as UserRole
from chezflora.domain.user import User

STAMP = datetime(2026, 11, 24, 9, tzinfo=UTC)


def _user(user_id: int, username: str, role: UserRole) -> User:
    return User(
        id=user_id,
        username=username,
        email=f"{username}@example.cm",
        password_hash="x",
        role=role,
        is_active=True,
        date_creation=STAMP,
        date_mise_a_jour=STAMP,
    )


class _Outbox:
    def __init__(self) -> None:
        self.sent: list[OutgoingEmail] = []

    def add(self, email: OutgoingEmail) -> None:
        self.sent.append(email)


def _uow() -> tuple[ServicesUnitOfWork, _Outbox]:
    people = {3: _user(3, "awa", UserRole.CLIENT), 1: _user(1, "patron", UserRole.ADMIN)}
    outbox = _Outbox()
    fake: Any = SimpleNamespace(
        users=SimpleNamespace(get=people.get, admins=lambda: [people[1]]),
        services=SimpleNamespace(get=lambda _id: Service(id=7, name="Mariage")),
        outbox=outbox,
    )
    return cast(ServicesUnitOfWork, fake), outbox


def _quote() -> Quote:
    quote = Quote(
        id=12, client_id=3, service_id=7, description="Arche", prix_demande=Money("50000")
    )
    quote.submit(Role.OWNER, STAMP)
    return quote


def _render(email: OutgoingEmail) -> tuple[str, str]:
    message = EmailRenderer("boutique@chezflora.cm").render(email)
    return str(message["Subject"]), message.get_content()


def test_submission_goes_to_every_admin():
    uow, outbox = _uow()
    notices.tell_admins_submitted(uow, _quote())
    [email] = outbox.sent
    subject, body = _render(email)
    assert email.to == "patron@example.cm" and "devis n° 12" in subject
    assert "awa" in body and "50 000 FCFA" in body and "2026-12-24" in body


def test_answer_refusal_acceptance_and_expiry_tell_the_client():
    uow, outbox = _uow()
    quote = _quote()
    quote.answer(Role.ADMIN, Money("45000.50"), "Roses blanches incluses")
    notices.tell_client(uow, quote, "devis_reponse")
    quote.accept(Role.OWNER, STAMP + timedelta(days=1))
    notices.tell_client(uow, quote, "devis_accepte", commande_id=40, paiement_id=41)
    quote.statut = QuoteStatus.EXPIRE
    notices.tell_client(uow, quote, "devis_expire")
    refused = _quote()
    refused.refuse(Role.ADMIN, STAMP, "Date indisponible")
    notices.tell_client(uow, refused, "devis_reponse")
    bodies = [_render(e)[1] for e in outbox.sent]
    assert all(e.to == "awa@example.cm" for e in outbox.sent)
    assert "45 000.50 FCFA" in bodies[0] and "Roses blanches incluses" in bodies[0]
    assert "commande n° 40" in bodies[1] and "paiement n° 41" in bodies[1]
    assert "a expiré" in bodies[2] and "45 000.50 FCFA" in bodies[2]
    assert "pas pouvoir donner suite" in bodies[3] and "Date indisponible" in bodies[3]
