"""A plain Python reference of the counting rules (DESIGN.md 3), day by day, for the tests.

Deliberately naive: it walks every day of the period and every placement, and uses exact
fractions. The SQL engine must give exactly the same numbers.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from inkoopkracht.monitoring.periods import Period, add_months


@dataclass
class RefPlacement:
    starts_on: date
    ends_on: date | None
    hours: list[tuple[date, Fraction]]  # (from, hours per week), the first from the start date
    confirmed: bool = True
    permanent_since: date | None = None
    sector: str = "markt"  # the sector the job counts for under the split regime
    key: str = field(default="")

    def active_on(self, day: date) -> bool:
        return self.starts_on <= day and (self.ends_on is None or day <= self.ends_on)

    def hours_on(self, day: date) -> Fraction:
        valid = [hours for start, hours in sorted(self.hours) if start <= day]
        return valid[-1] if valid else Fraction(0)


def _days(period: Period):
    day = period.start
    while day <= period.end:
        yield day
        day += timedelta(days=1)


def reference(placements: list[RefPlacement], period: Period, hours_per_job: Fraction) -> dict:
    counted = [p for p in placements if p.confirmed]
    unconfirmed = [p for p in placements if not p.confirmed]
    result = {
        "banen_gemiddeld": _average(counted, period, hours_per_job),
        "banen_einde": _end(counted, period, hours_per_job),
        "personen": sum(1 for p in counted if _active_in(p, period)),
        "personen_einde": sum(1 for p in counted if p.active_on(period.end)),
        "unconfirmed_banen_einde": _end(unconfirmed, period, hours_per_job),
        "unconfirmed_personen": sum(1 for p in unconfirmed if _active_in(p, period)),
    }
    for sector in ("overheid", "markt"):
        own = [p for p in counted if p.sector == sector]
        result[f"{sector}_banen_gemiddeld"] = _average(own, period, hours_per_job)
        result[f"{sector}_banen_einde"] = _end(own, period, hours_per_job)
    for months in (6, 12):
        eligible = [p for p in counted if add_months(p.starts_on, months) <= period.end]
        retained = [p for p in eligible if p.active_on(add_months(p.starts_on, months))]
        result[f"eligible_{months}"] = len(eligible)
        result[f"retained_{months}"] = len(retained)
    temporary = [p for p in counted if _active_in(p, period) and p.permanent_since != p.starts_on]
    result["temporary_active"] = len(temporary)
    result["converted"] = sum(
        1 for p in temporary if p.permanent_since and p.permanent_since <= period.end
    )
    result["conversions"] = sum(
        1
        for p in counted
        if p.permanent_since
        and p.permanent_since != p.starts_on
        and period.start <= p.permanent_since <= period.end
    )
    result["permanent_end"] = sum(
        1
        for p in counted
        if p.active_on(period.end) and p.permanent_since and p.permanent_since <= period.end
    )
    return result


def _active_in(placement: RefPlacement, period: Period) -> bool:
    return placement.starts_on <= period.end and (
        placement.ends_on is None or placement.ends_on >= period.start
    )


def _average(placements, period, hours_per_job) -> Fraction:
    total = Fraction(0)
    for day in _days(period):
        for placement in placements:
            if placement.active_on(day):
                total += placement.hours_on(day) / hours_per_job
    return total / period.days


def _end(placements, period, hours_per_job) -> Fraction:
    return sum(
        (p.hours_on(period.end) / hours_per_job for p in placements if p.active_on(period.end)),
        Fraction(0),
    )
