"""Service, réalisation and quote pages cost a constant number of statements (no N+1)."""

from __future__ import annotations

from chezflora.application.listing import ListOptions
from chezflora.application.pagination import PageRequest
from chezflora.application.services.queries import QuoteFilters, RealisationFilters, ServiceFilters
from tests.integration.helpers import make_admin, make_client
from tests.integration.services_helpers import (
    make_quote,
    make_realisation,
    make_service,
    upload_photo,
)
from tests.integration.test_shopping_query_counts import counting

PAGE = PageRequest(page=1, per_page=100)
# Services: count, page, photos, réalisation ids. Réalisations: count, page, photos. Quotes:
# count, page (service and client joined).
EXPECTED = {"services": 4, "realisations": 3, "quotes": 2}


def _add(client, admin, alice, start, count):
    for n in range(start, start + count):
        service = make_service(client, admin, f"Service {n}")
        upload_photo(client, admin, "service", service)
        realisation = make_realisation(client, admin, service, titre=f"Travail {n}")
        upload_photo(client, admin, "realisation", realisation)
        make_quote(client, alice, service)


def _counts(container):
    queries = container.services.queries
    reads = {
        "services": lambda: queries.services(
            ServiceFilters(include_inactive=True), ListOptions(), PAGE
        ),
        "realisations": lambda: queries.realisations(RealisationFilters(), ListOptions(), PAGE),
        "quotes": lambda: queries.quotes(QuoteFilters(), ListOptions(), PAGE),
    }
    counts = {}
    for name, read in reads.items():
        with counting(container.engine) as statements:
            page = read()
        # SQLite's engine says BEGIN on its own; only the reads are counted.
        selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        counts[name] = (len(page.items), len(selects))
    return counts


def test_pages_cost_the_same_with_1_or_12_items(client, container):
    _, admin = make_admin(client, container)
    _, alice = make_client(client, container, "alice")
    _add(client, admin, alice, 0, 1)
    small = _counts(container)
    _add(client, admin, alice, 1, 11)
    large = _counts(container)
    for name, statements in EXPECTED.items():
        assert small[name] == (1, statements), name
        assert large[name] == (12, statements), name
