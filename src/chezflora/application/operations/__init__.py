"""Scheduled housekeeping use cases (run by the job registry, the scheduler and the CLI)."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.operations.codes import PurgeExpiredCodes
from chezflora.application.operations.stock_alert import LowStockQuery, SendLowStockAlert
from chezflora.application.ports import Clock
from chezflora.application.unit_of_work import UnitOfWorkFactory


@dataclass(frozen=True)
class OperationsUseCases:
    purge_codes: PurgeExpiredCodes
    low_stock_alert: SendLowStockAlert

    @classmethod
    def build(
        cls, uow: UnitOfWorkFactory, clock: Clock, stock: LowStockQuery
    ) -> OperationsUseCases:
        return cls(
            purge_codes=PurgeExpiredCodes(uow, clock),
            low_stock_alert=SendLowStockAlert(uow, clock, stock),
        )
