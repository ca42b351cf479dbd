"""Participation of proeftuinen in events, per period and per side (a plain function).

Other apps (for instance a health overview of proeftuinen) call::

    from inkoopkracht.events.participation import Period, participation_for
    figures = participation_for(partnerships, start=period.start, end=period.end)
    figures[partnership.pk].below_expectation

A proeftuin took part in an event when at least one of its people was checked in as present.
The expectation is ``events_expected_per_half_year`` in ``data/constants.csv``, pro rata for
periods of another length. See docs/events.md.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht.lib.constants import constant
from inkoopkracht.partnerships.models import Partnership

from .models import Event, Registration

Side = Registration.Side


@dataclass(frozen=True)
class Period:
    """A period of whole days, usually a half year (``2026-1`` is January to June 2026)."""

    start: date
    end: date

    @classmethod
    def half_year(cls, day: date) -> "Period":
        if day.month <= 6:
            return cls(date(day.year, 1, 1), date(day.year, 6, 30))
        return cls(date(day.year, 7, 1), date(day.year, 12, 31))

    @classmethod
    def parse(cls, value: str) -> "Period | None":
        """``2026-1`` or ``2026-2``; ``None`` for anything else."""
        year, _sep, half = (value or "").partition("-")
        if not (year.isdigit() and len(year) == 4 and half in ("1", "2")):
            return None
        return cls.half_year(date(int(year), 1 if half == "1" else 7, 1))

    @property
    def key(self) -> str:
        return f"{self.start.year}-{1 if self.start.month <= 6 else 2}"

    @property
    def label(self) -> str:
        if self.start.month == 1 and self.end == date(self.start.year, 6, 30):
            return _("eerste helft %(year)s") % {"year": self.start.year}
        if self.start.month == 7 and self.end == date(self.start.year, 12, 31):
            return _("tweede helft %(year)s") % {"year": self.start.year}
        return f"{self.start:%d-%m-%Y} – {self.end:%d-%m-%Y}"

    def previous(self) -> "Period":
        return Period.half_year(self.start - timedelta(days=1))

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1


@dataclass(frozen=True)
class Participation:
    """What one proeftuin did in a period."""

    partnership_id: int
    events: int  # distinct events at which someone of the proeftuin was present
    buyer_events: int  # ... someone of the buyer
    supplier_events: int  # ... someone of the supplier
    party_events: int  # ... someone of a further party
    attendees: int  # attendances (one person at two events counts twice)
    expected: Decimal

    @property
    def below_expectation(self) -> bool:
        return self.events < self.expected

    @property
    def one_sided(self) -> bool:
        """Only one of buyer and supplier took part (the partnership is two-sided)."""
        return (self.buyer_events == 0) != (self.supplier_events == 0)


def expected_events(start: date, end: date) -> Decimal:
    """The events a proeftuin is expected to attend in the period (pro rata of a half year)."""
    per_half_year = Decimal(constant("events_expected_per_half_year", on=start))
    months = Period(start, end).months
    return (per_half_year * months / 6).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _aware(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def participation_for(partnerships, *, start: date, end: date) -> dict[int, Participation]:
    """Participation per proeftuin in events that began from ``start`` to ``end`` (inclusive).

    ``partnerships`` is a queryset of proeftuinen, or an iterable of proeftuinen or their ids.
    Every requested proeftuin is in the result (with zeros when it attended nothing). A
    proeftuin that started during the period is expected pro rata from its start date. Three
    queries, whatever the number of proeftuinen.
    """
    if isinstance(partnerships, QuerySet):
        started = dict(partnerships.values_list("pk", "started_on"))
        scope = {"partnership__in": partnerships.values("pk")}
    else:
        ids = [getattr(item, "pk", item) for item in partnerships]
        started = dict(Partnership.objects.filter(pk__in=ids).values_list("pk", "started_on"))
        scope = {"partnership_id__in": ids}
    attended = Registration.objects.filter(
        **scope,
        status=Registration.Status.CONFIRMED,
        attendance=Registration.Attendance.ATTENDED,
        event__starts_at__gte=_aware(start),
        event__starts_at__lt=_aware(end + timedelta(days=1)),
    ).exclude(event__status=Event.Status.CANCELLED)
    totals = {
        row["partnership_id"]: (row["events"], row["people"])
        for row in attended.values("partnership_id").annotate(
            events=Count("event", distinct=True), people=Count("pk")
        )
    }
    sides: dict[tuple[int, str], int] = {
        (row["partnership_id"], row["side"]): row["events"]
        for row in attended.values("partnership_id", "side").annotate(
            events=Count("event", distinct=True)
        )
    }
    return {
        pk: Participation(
            partnership_id=pk,
            events=totals.get(pk, (0, 0))[0],
            buyer_events=sides.get((pk, Side.BUYER), 0),
            supplier_events=sides.get((pk, Side.SUPPLIER), 0),
            party_events=sides.get((pk, Side.PARTY), 0),
            attendees=totals.get(pk, (0, 0))[1],
            expected=_expected(start, end, started_on),
        )
        for pk, started_on in started.items()
    }


def _expected(start: date, end: date, started_on: date | None) -> Decimal:
    """A proeftuin that started during the period is expected pro rata from its start."""
    if started_on and start < started_on <= end:
        start = started_on
    return expected_events(start, end)
