"""Quote (devis): the one state machine every change of status goes through (decisions §5).

- brouillon → soumis: the owner submits (`soumettre`).
- soumis → en_cours: an admin answers (`proposer_reponse`); en_cours → en_cours revises it.
- en_cours → accepte | refuse: the owner decides; an admin may refuse from soumis or en_cours.
- soumis | en_cours → expire: the system, once date_expiration is reached.
Accept and refuse by the owner only from `en_cours` and only before `date_expiration`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from chezflora.domain.errors import Conflict, Forbidden, InvalidInput
from chezflora.domain.money import Money

VALIDITY = timedelta(days=30)

QUOTE_NOT_FOUND = "Devis non trouvé"
OWN_SUBMIT = "Vous ne pouvez soumettre que vos propres devis."
OWN_ACCEPT = "Vous ne pouvez accepter que vos propres devis."
OWN_REFUSE = "Vous ne pouvez refuser que vos propres devis."
OWN_EDIT = "Vous ne pouvez modifier que vos propres devis."
ALREADY_SUBMITTED = "Ce devis a déjà été soumis."
CANNOT_ACCEPT = "Ce devis ne peut pas être accepté."
CANNOT_REFUSE = "Ce devis ne peut pas être refusé."
CANNOT_ANSWER = "Ce devis ne peut pas recevoir de réponse."
CANNOT_EDIT = "Seul un devis en brouillon peut être modifié."
EXPIRED = "Ce devis a expiré."
BAD_STATUS = "Statut invalide."
PRICE_REQUIRED = "Le prix proposé est requis pour répondre au client."


class QuoteStatus(StrEnum):
    BROUILLON = "brouillon"
    SOUMIS = "soumis"
    EN_COURS = "en_cours"
    ACCEPTE = "accepte"
    REFUSE = "refuse"
    EXPIRE = "expire"


class Role(StrEnum):
    """Who asks for a move: the quote's client, an admin, or the system (the expiry job)."""

    OWNER = "owner"
    ADMIN = "admin"
    SYSTEM = "system"


# Every legal move and who may make it. The property tests check behaviour against this table.
TRANSITIONS: dict[tuple[QuoteStatus, QuoteStatus], frozenset[Role]] = {
    (QuoteStatus.BROUILLON, QuoteStatus.SOUMIS): frozenset({Role.OWNER}),
    (QuoteStatus.SOUMIS, QuoteStatus.EN_COURS): frozenset({Role.ADMIN}),
    (QuoteStatus.EN_COURS, QuoteStatus.EN_COURS): frozenset({Role.ADMIN}),
    (QuoteStatus.EN_COURS, QuoteStatus.ACCEPTE): frozenset({Role.OWNER}),
    (QuoteStatus.EN_COURS, QuoteStatus.REFUSE): frozenset({Role.OWNER, Role.ADMIN}),
    (QuoteStatus.SOUMIS, QuoteStatus.REFUSE): frozenset({Role.ADMIN}),
    (QuoteStatus.SOUMIS, QuoteStatus.EXPIRE): frozenset({Role.SYSTEM}),
    (QuoteStatus.EN_COURS, QuoteStatus.EXPIRE): frozenset({Role.SYSTEM}),
}
EXPIRABLE = frozenset({QuoteStatus.SOUMIS, QuoteStatus.EN_COURS})
FINAL = frozenset({QuoteStatus.ACCEPTE, QuoteStatus.REFUSE, QuoteStatus.EXPIRE})


def _refuse_move(current: QuoteStatus, message: str) -> Conflict:
    return Conflict(message, statut=current.value)


@dataclass(eq=False, kw_only=True)
class Quote:
    """A client's request for made-to-order work and the shop's answer."""

    id: int = 0
    client_id: int
    service_id: int
    description: str
    prix_demande: Money | None = None
    statut: QuoteStatus = QuoteStatus.BROUILLON
    prix_propose: Money | None = None
    commentaire_admin: str | None = None
    date_soumission: datetime | None = None
    date_expiration: datetime | None = None
    is_active: bool = True
    commande_id: int | None = None

    def role_of(self, user_id: int, is_admin: bool) -> Role | None:
        """The owner acts as owner even when admin; another admin acts as admin; others: None."""
        if user_id == self.client_id:
            return Role.OWNER
        return Role.ADMIN if is_admin else None

    def edit(
        self,
        role: Role,
        *,
        description: str | None = None,
        prix_demande: Money | None = None,
        clears_prix_demande: bool = False,
        service_id: int | None = None,
    ) -> None:
        """The client edits description, budget and service while the quote is a draft."""
        if role is not Role.OWNER:
            raise Forbidden(OWN_EDIT)
        if self.statut is not QuoteStatus.BROUILLON:
            raise _refuse_move(self.statut, CANNOT_EDIT)
        if description is not None:
            self.description = description
        if prix_demande is not None or clears_prix_demande:
            self.prix_demande = prix_demande
        if service_id is not None:
            self.service_id = service_id

    def submit(self, role: Role, now: datetime) -> None:
        """Stamps date_soumission and date_expiration (+30 days), once."""
        if role is not Role.OWNER:
            raise Forbidden(OWN_SUBMIT)
        if self.statut is not QuoteStatus.BROUILLON:
            raise _refuse_move(self.statut, ALREADY_SUBMITTED)
        self.statut = QuoteStatus.SOUMIS
        self.date_soumission = now
        self.date_expiration = now + VALIDITY

    def answer(self, role: Role, prix_propose: Money | None, comment: str | None) -> None:
        """The admin proposes a price (and may revise it while the client has not decided)."""
        if role is Role.OWNER:
            raise Forbidden(CANNOT_ANSWER)
        if (self.statut, QuoteStatus.EN_COURS) not in TRANSITIONS:
            raise _refuse_move(self.statut, CANNOT_ANSWER)
        # Accepting turns the proposal into an order: there must be a price to pay.
        if prix_propose is None and self.prix_propose is None:
            raise InvalidInput.on_field("prix_propose", PRICE_REQUIRED)
        self.statut = QuoteStatus.EN_COURS
        if prix_propose is not None:
            self.prix_propose = prix_propose
        # An empty comment keeps the previous one (as the original did).
        if comment:
            self.commentaire_admin = comment

    def accept(self, role: Role, now: datetime) -> None:
        if role is not Role.OWNER:
            raise Forbidden(OWN_ACCEPT)
        self._decide(QuoteStatus.ACCEPTE, now, CANNOT_ACCEPT)

    def refuse(self, role: Role, now: datetime, comment: str | None = None) -> None:
        """The owner refuses the proposal; an admin may turn a submitted or answered quote down."""
        if role is Role.ADMIN:
            if (self.statut, QuoteStatus.REFUSE) not in TRANSITIONS:
                raise _refuse_move(self.statut, CANNOT_REFUSE)
            self.statut = QuoteStatus.REFUSE
            if comment:
                self.commentaire_admin = comment
            return
        if role is not Role.OWNER:
            raise Forbidden(OWN_REFUSE)
        self._decide(QuoteStatus.REFUSE, now, CANNOT_REFUSE)

    def _decide(self, target: QuoteStatus, now: datetime, message: str) -> None:
        if self.statut is not QuoteStatus.EN_COURS:
            raise _refuse_move(self.statut, message)
        if self.is_past_due(now):
            raise _refuse_move(self.statut, EXPIRED)
        self.statut = target

    def is_past_due(self, now: datetime) -> bool:
        return self.date_expiration is not None and now >= self.date_expiration

    def expire(self, now: datetime) -> bool:
        """The system closes a stale quote; False when there is nothing to expire."""
        if self.statut not in EXPIRABLE or not self.is_past_due(now):
            return False
        self.statut = QuoteStatus.EXPIRE
        return True
