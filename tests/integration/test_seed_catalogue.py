"""The demo catalogue seeder is idempotent, draws real photos, and bulk-creates synthetics."""

from __future__ import annotations

import argparse

from chezflora.entrypoints.cli.seed_catalogue import CATEGORIES, PRODUCTS, seed_catalogue


def test_seed_twice_gives_the_same_catalogue(client, container):
    seed_catalogue(container, argparse.Namespace(products=0))
    seed_catalogue(container, argparse.Namespace(products=250))
    seed_catalogue(container, argparse.Namespace(products=250))
    categories = client.get("/api/categories/?per_page=100").json()
    assert sorted(c["nom"] for c in categories["results"]) == sorted(CATEGORIES)
    listed = client.get("/api/produits/?per_page=20").json()
    assert listed["count"] == len(PRODUCTS) + 250 - 250 // 20  # every 20th synthetic inactive
    rose = client.get("/api/produits/?nom=Rose de Bafoussam").json()["results"][0]
    assert rose["prix"] == 1500 and len(rose["photos"]) == 1
    assert (
        client.get(rose["photos"][0]["image"].removeprefix("http://testserver.local")).status_code
        == 200
    )
    assert len(client.get("/api/photos/").json()) == len(PRODUCTS)
