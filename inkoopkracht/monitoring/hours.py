"""The hours history of a placement as plain values: consecutive periods, the last one open.

Services (online edits) and the import both change hours through these functions, so a change
means the same thing whichever way it arrives. A history always starts on the placement's
start date, has no gaps and never two neighbours with the same hours.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class HoursPeriod:
    starts_on: date
    ends_on: date | None
    hours: Decimal


def _merged(history: list[HoursPeriod]) -> list[HoursPeriod]:
    merged: list[HoursPeriod] = []
    for period in history:
        if merged and merged[-1].hours == period.hours:
            merged[-1] = replace(merged[-1], ends_on=period.ends_on)
        else:
            merged.append(period)
    return merged


def from_date(history: list[HoursPeriod], *, hours: Decimal, starting: date) -> list[HoursPeriod]:
    """The history with ``hours`` from ``starting`` onwards (later changes are replaced)."""
    kept = []
    for period in sorted(history, key=lambda p: p.starts_on):
        if period.starts_on >= starting:
            continue
        if period.ends_on is None or period.ends_on >= starting:
            period = replace(period, ends_on=starting - timedelta(days=1))
        kept.append(period)
    kept.append(HoursPeriod(starting, None, hours))
    return _merged(kept)


def aligned(history: list[HoursPeriod], start: date) -> list[HoursPeriod]:
    """The history for a (new) start date: periods that ended before it are dropped and the
    first remaining one begins on it. The last period is open, so one always remains."""
    ordered = sorted(history, key=lambda p: p.starts_on)
    kept = [p for p in ordered if p.ends_on is None or p.ends_on >= start]
    kept[0] = replace(kept[0], starts_on=start)
    return _merged(kept)


def hours_on(history: list[HoursPeriod], day: date) -> Decimal | None:
    for period in history:
        if period.starts_on <= day and (period.ends_on is None or day <= period.ends_on):
            return period.hours
    return None


def current(history: list[HoursPeriod]) -> Decimal | None:
    return max(history, key=lambda p: p.starts_on).hours if history else None
