"""Bounds on what a client may ask for, so absurd inputs are a clear 400, never an overflow."""

from __future__ import annotations

from datetime import date

# Per line of a cart, an order or a subscription: a florist's counter, not a wholesaler's.
MAX_LINE_QUANTITY = 1000
# How far ahead a start or an end may be scheduled.
MAX_YEARS_AHEAD = 5
TOO_FAR = f"La date ne peut pas dépasser {MAX_YEARS_AHEAD} ans à partir d'aujourd'hui."


def latest_date(today: date) -> date:
    """The last acceptable date for something scheduled today (29 February → 28 February)."""
    year = today.year + MAX_YEARS_AHEAD
    return today.replace(year=year, day=min(today.day, 28 if today.month == 2 else 31))
