"""In-memory services, réalisations and quotes. Deletes honour the SQL foreign keys: a service
that quotes or réalisations refer to is not deleted (RESTRICT → Conflict, as the use case says).
The expiry is a conditional update, like the SQL one."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import datetime

from chezflora.domain.errors import Conflict
from chezflora.domain.quote import EXPIRABLE, Quote, QuoteStatus
from chezflora.domain.service import SERVICE_IN_USE, SERVICE_NAME_TAKEN, Realisation, Service
from tests.fakes.tables import Store, Tables


class InMemoryServices:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, service_id: int) -> Service | None:
        return self._tables.services.get(service_id)

    def id_by_name(self, name: str) -> int | None:
        return next((k for k, s in self._tables.services.items() if s.name == name), None)

    def add(self, service: Service, now: datetime) -> int:
        if self.id_by_name(service.name) is not None:  # UNIQUE (nom)
            raise Conflict(SERVICE_NAME_TAKEN)
        service_id = self._store.new_id()
        self._tables.services[service_id] = replace(service, id=service_id)
        return service_id

    def save(self, service: Service) -> None:
        if service.id in self._tables.services:
            self._tables.services[service.id] = service

    def delete(self, service_id: int) -> None:
        if self.in_use(service_id):
            raise Conflict(SERVICE_IN_USE)
        self._tables.services.pop(service_id, None)

    def in_use(self, service_id: int) -> bool:
        t = self._tables
        return any(q.service_id == service_id for q in t.quotes.values()) or any(
            r.service_id == service_id for r in t.realisations.values()
        )


class InMemoryRealisations:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, realisation_id: int) -> Realisation | None:
        return self._tables.realisations.get(realisation_id)

    def add(self, realisation: Realisation, now: datetime) -> int:
        realisation_id = self._store.new_id()
        self._tables.realisations[realisation_id] = replace(realisation, id=realisation_id)
        return realisation_id

    def save(self, realisation: Realisation) -> None:
        if realisation.id in self._tables.realisations:
            self._tables.realisations[realisation.id] = realisation

    def delete(self, realisation_id: int) -> None:
        self._tables.realisations.pop(realisation_id, None)


class InMemoryQuotes:
    def __init__(self, tables: Tables, store: Store) -> None:
        self._tables, self._store = tables, store

    def get(self, quote_id: int, *, for_update: bool = False) -> Quote | None:
        return copy.deepcopy(self._tables.quotes.get(quote_id))

    def add(self, quote: Quote, now: datetime) -> None:
        quote.id = self._store.new_id()
        self._tables.quotes[quote.id] = copy.deepcopy(quote)

    def save(self, quote: Quote, now: datetime) -> None:
        if quote.id in self._tables.quotes:
            self._tables.quotes[quote.id] = copy.deepcopy(quote)

    def delete(self, quote_id: int) -> None:
        self._tables.quotes.pop(quote_id, None)

    def due_for_expiry(self, now: datetime) -> list[int]:
        due = [
            (q.date_expiration, k)
            for k, q in self._tables.quotes.items()
            if self._expirable(q, now) and q.date_expiration is not None
        ]
        return [k for _, k in sorted(due)]

    def expire(self, quote_id: int, now: datetime) -> bool:
        quote = self._tables.quotes.get(quote_id)
        if quote is None or not self._expirable(quote, now):
            return False
        quote.statut = QuoteStatus.EXPIRE
        return True

    def erase_client_text(self, client_id: int, replacement: str, now: datetime) -> None:
        t = self._tables
        t.quotes = {
            k: q
            for k, q in t.quotes.items()
            if not (q.client_id == client_id and q.statut is QuoteStatus.BROUILLON)
        }
        for quote in t.quotes.values():
            if quote.client_id == client_id:
                quote.description = replacement

    def delivery_address(self, client_id: int) -> int | None:
        mine = [
            (a.is_default, k) for k, a in self._tables.addresses.items() if a.client_id == client_id
        ]
        return max(mine)[1] if mine else None

    @staticmethod
    def _expirable(quote: Quote, now: datetime) -> bool:
        return (
            quote.statut in EXPIRABLE
            and quote.date_expiration is not None
            and quote.date_expiration <= now
        )
