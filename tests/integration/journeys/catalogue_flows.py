"""The S9 fixture built as the admin pages build it: two categories, one product in each."""

from __future__ import annotations

from dataclasses import dataclass

from tests.integration.journeys.support import Api


@dataclass(frozen=True)
class Seeded:
    roses: int
    orchids: int
    p1: int
    p2: int


def seed_roses_and_orchids(api: Api, admin: str, p1_stock: int = 5) -> Seeded:
    roses = api.category(admin, "Roses")
    orchids = api.category(admin, "Orchidées")
    p1 = api.product(admin, roses, "Rose rouge", prix="1500", stock=p1_stock)
    p2 = api.product(admin, orchids, "Orchidée blanche", prix="2000", stock=20)
    return Seeded(roses, orchids, p1["id"], p2["id"])
