"""Reporting periods: a calendar quarter (``2026-Q3``) or a calendar year (``2026``).

Periods are plain values. ``Period.parse`` accepts ``2026-Q3``, ``2026-K3`` (Dutch: kwartaal)
and ``2026``; ``str(period)`` gives the canonical code (``2026-Q3`` / ``2026``) used in URLs,
the CLI and the API. Every period ends on the last day of a month, which the counting engine
relies on for its month arithmetic (see ``engine.py``).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

# The day numbers the engine works with: days since 1 January 2000 (see dbfunctions.py).
EPOCH = date(2000, 1, 1)

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[QqKk]\s*([1-4])\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*$")


class PeriodError(ValueError):
    """A period code that cannot be read; the message is for the user (Dutch)."""


def day_number(day: date) -> int:
    return (day - EPOCH).days


def month_index(day: date) -> int:
    """Months since year 0: comparable across years (2026-01 follows 2025-12)."""
    return day.year * 12 + day.month - 1


@dataclass(frozen=True, order=True)
class Period:
    """A calendar quarter (``quarter`` 1-4) or a whole year (``quarter`` None)."""

    year: int
    quarter: int | None = None

    @classmethod
    def parse(cls, code: str) -> "Period":
        match = _QUARTER.match(code or "")
        if match:
            return cls(int(match.group(1)), int(match.group(2)))
        match = _YEAR.match(code or "")
        if match:
            return cls(int(match.group(1)))
        raise PeriodError(
            _(
                "Onbekende periode ‘%(code)s’: gebruik een kwartaal als 2026-Q3 of een jaar als 2026."
            )
            % {"code": code}
        )

    @classmethod
    def quarter_of(cls, day: date) -> "Period":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def last_completed_quarter(cls, today: date) -> "Period":
        return cls.quarter_of(today).previous()

    def __post_init__(self):
        if self.quarter is not None and self.quarter not in (1, 2, 3, 4):
            raise PeriodError(_("Een kwartaal is 1, 2, 3 of 4."))
        if not 1900 <= self.year <= 2999:
            raise PeriodError(_("Kies een jaar tussen 1900 en 2999."))

    def __str__(self) -> str:
        return f"{self.year}-Q{self.quarter}" if self.is_quarter else str(self.year)

    @property
    def is_quarter(self) -> bool:
        return self.quarter is not None

    @property
    def label(self) -> str:
        """The Dutch label: ‘3e kwartaal 2026’ or ‘2026’."""
        if not self.is_quarter:
            return str(self.year)
        return _("%(quarter)se kwartaal %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def short_label(self) -> str:
        """Compact label for charts and tables: ‘K3 2026’."""
        if not self.is_quarter:
            return str(self.year)
        return _("K%(quarter)s %(year)s") % {"quarter": self.quarter, "year": self.year}

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.quarter - 2 if self.is_quarter else 1, 1)

    @property
    def end(self) -> date:
        if not self.is_quarter or self.quarter == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.quarter + 1, 1) - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        if not self.is_quarter:
            return Period(self.year - 1)
        if self.quarter == 1:
            return Period(self.year - 1, 4)
        return Period(self.year, self.quarter - 1)

    def next(self) -> "Period":
        if not self.is_quarter:
            return Period(self.year + 1)
        if self.quarter == 4:
            return Period(self.year + 1, 1)
        return Period(self.year, self.quarter + 1)


def quarters_between(first: Period, last: Period) -> list[Period]:
    """Every quarter from ``first`` to ``last`` inclusive (quarters of a year for years)."""
    first = first if first.is_quarter else Period(first.year, 1)
    last = last if last.is_quarter else Period(last.year, 4)
    quarters, current = [], first
    while current <= last:
        quarters.append(current)
        current = current.next()
    return quarters


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the last day of the month when that day does not exist."""
    index = month_index(day) + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
