"""The daily low-stock alert to the shop's admins."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from chezflora.application.ports import Clock, OutgoingEmail
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.parameter import DEFAULTS, LOW_STOCK_THRESHOLD


@dataclass(frozen=True, slots=True)
class StockLevel:
    product_id: int
    nom: str
    stock: int


class LowStockQuery(Protocol):
    def below(self, threshold: int) -> list[StockLevel]:
        """Active products whose stock is strictly below the threshold, lowest stock first."""
        ...


@dataclass(frozen=True, slots=True)
class LowStockReport:
    threshold: int
    products: int
    emails: int


class SendLowStockAlert:
    """One e-mail per active admin listing every active product with stock ≤ SEUIL_STOCK_FAIBLE
    (parameter, default 5); nothing is sent when no product is low."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, stock: LowStockQuery) -> None:
        self._uow, self._clock, self._stock = uow, clock, stock

    def __call__(self) -> LowStockReport:
        today = self._clock.now().date().isoformat()
        with self._uow() as uow:
            threshold = _threshold(uow.parameters.values([LOW_STOCK_THRESHOLD]))
            low = self._stock.below(threshold)
            admins = [a for a in uow.users.admins() if a.is_active and not a.is_banned]
            if not low:
                return LowStockReport(threshold, 0, 0)
            products = [{"id": p.product_id, "nom": p.nom, "stock": p.stock} for p in low]
            for admin in admins:
                context: dict[str, object] = {
                    "username": admin.username,
                    "threshold": threshold,
                    "date": today,
                    "products": products,
                }
                uow.outbox.add(OutgoingEmail(admin.email, "low_stock", context))
            uow.commit()
        return LowStockReport(threshold, len(low), len(admins))


def _threshold(values: dict[str, str]) -> int:
    raw = values.get(LOW_STOCK_THRESHOLD, DEFAULTS[LOW_STOCK_THRESHOLD])
    try:
        return max(0, int(raw.strip()))
    except ValueError:
        # A mistyped parameter must not silence the alert: fall back to the documented default.
        return int(DEFAULTS[LOW_STOCK_THRESHOLD])
