"""The service, réalisation and quote repositories' clauses."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from chezflora.domain.money import Money
from chezflora.domain.quote import Quote, QuoteStatus
from chezflora.domain.service import Realisation, Service
from tests.repository_contract.rows import NOW, UowFactory, add_user, an_address

DAY = timedelta(days=1)


def _quote(client_id: int, service_id: int, status: QuoteStatus, expires=None) -> Quote:
    return Quote(
        client_id=client_id,
        service_id=service_id,
        description=f"Mariage, {status.value}",
        prix_demande=Money(Decimal("150.00")),
        statut=status,
        prix_propose=Money(Decimal("180.50")) if status is QuoteStatus.EN_COURS else None,
        commentaire_admin="Avec des roses" if status is QuoteStatus.EN_COURS else None,
        date_soumission=None if status is QuoteStatus.BROUILLON else NOW - DAY,
        date_expiration=expires,
    )


def add_service(work, name: str = "Mariage") -> int:
    return int(work.services.add(Service(id=0, name=name, description="Fleurs du jour"), NOW))


def services_round_trip_and_are_in_use_once_quoted_or_shown(uow: UowFactory) -> None:
    with uow() as work:
        admin = add_user(work, "admin")
        client = add_user(work, "awa")
        wedding, funeral, office = (add_service(work, n) for n in ("Mariage", "Deuil", "Bureau"))
        shown = Realisation(0, funeral, "Couronne", NOW - DAY, "Lys blancs", True, admin)
        shown_id = work.realisations.add(shown, NOW)
        work.quotes.add(_quote(client, office, QuoteStatus.BROUILLON), NOW)
        work.commit()
    with uow() as work:
        assert work.services.get(wedding) == Service(wedding, "Mariage", "Fleurs du jour", True)
        assert work.services.id_by_name("Deuil") == funeral
        assert work.services.id_by_name("Baptême") is None
        assert work.services.get(wedding + funeral + office + shown_id) is None
        assert work.realisations.get(shown_id) == Realisation(
            shown_id, funeral, "Couronne", NOW - DAY, "Lys blancs", True, admin
        )
        assert [work.services.in_use(s) for s in (wedding, funeral, office)] == [
            False,
            True,
            True,
        ]
        work.services.save(Service(wedding, "Noces", "Roses rouges", False))
        work.realisations.save(
            Realisation(shown_id, wedding, "Arche", NOW, "Pivoines", False, None)
        )
        work.commit()
    with uow() as work:
        assert work.services.get(wedding) == Service(wedding, "Noces", "Roses rouges", False)
        assert work.realisations.get(shown_id) == Realisation(
            shown_id, wedding, "Arche", NOW, "Pivoines", False, None
        )
        assert (work.services.in_use(wedding), work.services.in_use(funeral)) == (True, False)
        work.realisations.delete(shown_id)
        work.services.delete(funeral)
        work.commit()
    with uow() as work:
        assert work.realisations.get(shown_id) is None
        assert work.services.get(funeral) is None
        assert not work.services.in_use(wedding)


def quotes_round_trip_and_expire_only_when_due_and_still_open(uow: UowFactory) -> None:
    with uow() as work:
        client, service = add_user(work), add_service(work)
        draft = _quote(client, service, QuoteStatus.BROUILLON, NOW - 3 * DAY)
        late_answer = _quote(client, service, QuoteStatus.EN_COURS, NOW - DAY)
        later_submission = _quote(client, service, QuoteStatus.SOUMIS, NOW)
        earlier_submission = _quote(client, service, QuoteStatus.SOUMIS, NOW - 2 * DAY)
        open_one = _quote(client, service, QuoteStatus.SOUMIS, NOW + DAY)
        accepted = _quote(client, service, QuoteStatus.ACCEPTE, NOW - 2 * DAY)
        everyone = (draft, late_answer, later_submission, earlier_submission, open_one, accepted)
        for quote in everyone:
            work.quotes.add(quote, NOW)
        work.commit()
    assert len({q.id for q in everyone}) == len(everyone)
    with uow() as work:
        assert vars(work.quotes.get(late_answer.id, for_update=True)) == vars(late_answer)
        assert vars(work.quotes.get(draft.id)) == vars(draft)
        assert work.quotes.get(accepted.id + 1000) is None
        assert work.quotes.due_for_expiry(NOW) == [
            earlier_submission.id,
            late_answer.id,
            later_submission.id,
        ]
        assert work.quotes.expire(late_answer.id, NOW)
        assert not work.quotes.expire(late_answer.id, NOW)
        assert not work.quotes.expire(open_one.id, NOW)
        assert not work.quotes.expire(accepted.id, NOW)
        open_one.statut, open_one.prix_propose = QuoteStatus.EN_COURS, Money(Decimal("99.99"))
        open_one.commentaire_admin = "Prix revu"
        work.quotes.save(open_one, NOW)
        work.commit()
    with uow() as work:
        assert work.quotes.get(late_answer.id).statut is QuoteStatus.EXPIRE
        assert vars(work.quotes.get(open_one.id)) == vars(open_one)
        assert work.quotes.due_for_expiry(NOW + DAY) == [
            earlier_submission.id,
            later_submission.id,
            open_one.id,
        ]
        work.quotes.delete(draft.id)
        work.commit()
    with uow() as work:
        assert work.quotes.get(draft.id) is None


def erasing_a_client_deletes_their_drafts_and_blanks_their_other_quotes(uow: UowFactory) -> None:
    with uow() as work:
        awa, binta, service = add_user(work, "awa"), add_user(work, "binta"), add_service(work)
        draft = _quote(awa, service, QuoteStatus.BROUILLON)
        sent = _quote(awa, service, QuoteStatus.SOUMIS, NOW + DAY)
        theirs = _quote(binta, service, QuoteStatus.BROUILLON)
        for quote in (draft, sent, theirs):
            work.quotes.add(quote, NOW)
        work.commit()
    with uow() as work:
        work.quotes.erase_client_text(awa, "(compte supprimé)", NOW)
        work.commit()
    with uow() as work:
        assert work.quotes.get(draft.id) is None
        kept = work.quotes.get(sent.id)
        assert (kept.description, kept.statut) == ("(compte supprimé)", QuoteStatus.SOUMIS)
        assert vars(work.quotes.get(theirs.id)) == vars(theirs)


def a_quote_is_delivered_to_the_default_address_else_the_latest(uow: UowFactory) -> None:
    with uow() as work:
        awa, binta = add_user(work, "awa"), add_user(work, "binta")
        assert work.quotes.delivery_address(awa) is None
        home, office = an_address(awa, "Maison", False), an_address(awa, "Bureau", False)
        theirs = an_address(binta, "Chez elle", True)
        for address in (home, office, theirs):
            work.addresses.add(address)
        assert work.quotes.delivery_address(awa) == office.id
        home.is_default = True
        work.addresses.save(home)
        assert work.quotes.delivery_address(awa) == home.id
        assert work.quotes.delivery_address(binta) == theirs.id


SERVICES = [
    services_round_trip_and_are_in_use_once_quoted_or_shown,
    quotes_round_trip_and_expire_only_when_due_and_still_open,
    erasing_a_client_deletes_their_drafts_and_blanks_their_other_quotes,
    a_quote_is_delivered_to_the_default_address_else_the_latest,
]
