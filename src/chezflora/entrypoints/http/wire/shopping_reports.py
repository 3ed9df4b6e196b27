"""Admin shapes: revenue, payment statistics (every key of frontend-contract §3) and CSV exports."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from litestar import Response

from chezflora.application.shopping.stats import Bucket, PaymentReport, RevenueReport
from chezflora.application.shopping.views import OrderView, PaymentView
from chezflora.entrypoints.http.wire.values import number


def revenue_out(report: RevenueReport) -> dict[str, Any]:
    return {
        "total_revenue": number(report.total),
        "revenue_by_day": [{"date": b.label, "total": number(b.total)} for b in report.by_day],
        "revenue_by_status": [
            {"statut": b.label, "total": number(b.total)} for b in report.by_status
        ],
    }


def _counted(buckets: Iterable[Bucket], name: str) -> list[dict[str, Any]]:
    return [{name: b.label, "count": b.count, "total": number(b.total)} for b in buckets]


def payment_stats_out(report: PaymentReport) -> dict[str, Any]:
    overall = report.overall
    recent = {
        "total_paiements": report.recent_count,
        "total_montant": number(report.recent_total),
        "by_day": _counted(report.recent_by_day, "date"),
    }
    return {
        "global": {
            "total_paiements": overall.count,
            "total_montant": number(overall.total),
            "avg_montant": number(overall.average),
            "max_montant": number(overall.maximum),
            "min_montant": number(overall.minimum),
            "success_rate": float(overall.success_rate),
            "avg_delay_days": float(overall.average_delay_days),
        },
        f"last_{report.days}_days": recent,
        "by_month_last_year": _counted(report.by_month_last_year, "month"),
        "by_year": _counted(report.by_year, "year"),
        "by_type_transaction": _counted(report.by_kind, "type"),
        "by_status": _counted(report.by_status, "status"),
        "by_method": _counted(report.by_method, "method"),
        "top_clients": [{"client": b.label, "total": number(b.total)} for b in report.top_clients],
    }


def csv_response(
    filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> Response[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return Response(
        buffer.getvalue(),
        # Litestar adds "; charset=utf-8" to text/* itself: naming it here sent it twice.
        media_type="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


ORDER_HEADER = [
    "Numéro",
    "Date",
    "Client",
    "E-mail",
    "Statut",
    "Total (FCFA)",
    "Articles",
    "Adresse",
    "Paiement",
]
PAYMENT_HEADER = [
    "Numéro",
    "Date",
    "Utilisateur",
    "Type",
    "Méthode",
    "Montant (FCFA)",
    "Statut",
    "Commande",
    "Abonnement",
    "Atelier",
]


def order_rows(orders: Iterable[OrderView]) -> Iterable[list[Any]]:
    for o in orders:
        address = o.address
        yield [
            o.id,
            o.placed_at.isoformat(),
            o.client.username,
            o.client.email,
            o.status,
            str(o.total.amount),
            sum(line.quantity for line in o.lines),
            "" if address is None else f"{address.rue}, {address.code_postal} {address.ville}",
            "" if o.payment is None else o.payment.status,
        ]


def payment_rows(payments: Iterable[PaymentView]) -> Iterable[list[Any]]:
    for p in payments:
        yield [
            p.id,
            p.created_at.isoformat(),
            p.payer.username,
            p.kind,
            p.method or "",
            str(p.amount.amount),
            p.status,
            p.order_id or "",
            p.subscription_id or "",
            p.workshop_id or "",
        ]
