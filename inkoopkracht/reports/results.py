"""Public programme results: proeftuinen by step, status and cohort, and the banen they realised.

Only frozen figures count in public: a quarter's programme total is the sum of the approved
reports (``ReportingRound`` with status ``goedgekeurd``, newest revision) of that quarter. A
proeftuin without an approved report for a quarter is not in that quarter's total; the page
says how many of how many proeftuinen are in it.

A quarter is published once all proeftuinen that had to report for it have an approved report,
or at the latest ``PUBLIC_RESULTS_AFTER_DAYS`` after the quarter (decision 0005). Until then
the quarter is not shown at all: a total that grows approval by approval would let anyone who
compares the page from day to day read one proeftuin's figures from the difference.

Everything that rests on persons (banen, persons, extra banen, progress) is suppressed below
the threshold (``lib.suppression``), and in a breakdown with a shown total a second cell is
hidden as well when one is, so that no hidden cell can be recovered by subtraction
(``complementary_mask``).

``programme_results()`` reads everything in a fixed number of queries (seven), whatever the
number of proeftuinen or quarters. The frozen snapshots are summed in the database (their JSON
keys, the same on SQLite and PostgreSQL), so no snapshot is loaded into Python: the page stays
cheap at national scale (10^5 proeftuinen × 40 quarters of reports).
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.db.models import BigIntegerField, Count, DecimalField, Exists, OuterRef, Q, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from inkoopkracht.lib.suppression import Suppressed, is_small, threshold
from inkoopkracht.monitoring.engine import ActivitySums
from inkoopkracht.monitoring.figures import (
    SECTORS,
    Figures,
    empty_figures,
    hours_per_job,
    regime_for,
)
from inkoopkracht.monitoring.models import ReportingRound, RoundStatus
from inkoopkracht.monitoring.periods import Period, PeriodError, quarters_between
from inkoopkracht.partnerships.models import Cohort, Partnership, Step

MAX_QUARTERS = 40  # ten years of quarters in the chart and the open data
TWO_PLACES = Decimal("0.01")


# --- Suppression of a breakdown ------------------------------------------------------------


def complementary_mask(persons: Sequence[int], total_persons: int) -> tuple[list[bool], bool]:
    """Which cells of a breakdown to hide, and whether to hide its total.

    Primary: every cell on 1 .. threshold-1 persons. Complementary: while the hidden cells
    together rest on fewer persons than the threshold (so the one hidden cell, or their sum,
    could be recovered from the shown total minus the shown cells), hide the smallest other
    cell with persons as well. A small total is hidden with all its cells.
    """
    if is_small(total_persons):
        return [bool(p) for p in persons], True
    hidden = [is_small(p) for p in persons]
    while 0 < sum(p for p, h in zip(persons, hidden, strict=True) if h) < threshold():
        candidates = [(p, i) for i, (p, h) in enumerate(zip(persons, hidden, strict=True))]
        candidates = [(p, i) for p, i in candidates if p > 0 and not hidden[i]]
        if not candidates:
            break
        hidden[min(candidates)[1]] = True
    return hidden, False


def _round(value: Decimal | None, places: Decimal = TWO_PLACES) -> Decimal | None:
    return None if value is None else value.quantize(places, rounding=ROUND_HALF_UP)


@dataclass
class BanenCells:
    """The public figures of one group (a cohort, a quarter or the total) for one quarter."""

    reported: int  # proeftuinen with an approved report (counted)
    due: int  # proeftuinen that had to report for the quarter
    baseline: Decimal
    ambition: Decimal | None
    banen_einde: Decimal | Suppressed
    banen_gemiddeld: Decimal | Suppressed
    personen_einde: int | Suppressed
    extra_banen: Decimal | Suppressed
    progress: Decimal | Suppressed | None  # percent of the ambition


def _cells(figures: Figures, *, due: int, hide_end: bool, hide_average: bool) -> BanenCells:
    hidden = Suppressed(threshold())
    progress = figures.progress
    return BanenCells(
        reported=figures.count,
        due=due,
        baseline=_round(figures.baseline),
        ambition=_round(figures.ambition, Decimal("0.1")),
        banen_einde=hidden if hide_end else _round(figures.banen_einde),
        banen_gemiddeld=hidden if hide_average else _round(figures.banen_gemiddeld),
        personen_einde=hidden if hide_end else figures.personen_einde,
        extra_banen=hidden if hide_end else _round(figures.extra_banen),
        progress=hidden
        if hide_end and progress is not None
        else _round(None if progress is None else progress * 100, Decimal("1")),
    )


def breakdown_cells(groups: list[tuple[Figures, int]], total: tuple[Figures, int]):
    """``BanenCells`` per group and for the total, with primary and complementary suppression
    for the figures on persons at the end of the quarter and on persons in the quarter."""
    end_mask, end_total = complementary_mask(
        [f.personen_einde for f, _due in groups], total[0].personen_einde
    )
    average_mask, average_total = complementary_mask(
        [f.personen for f, _due in groups], total[0].personen
    )
    rows = [
        _cells(figures, due=due, hide_end=end, hide_average=average)
        for (figures, due), end, average in zip(groups, end_mask, average_mask, strict=True)
    ]
    return rows, _cells(total[0], due=total[1], hide_end=end_total, hide_average=average_total)


# --- The whole picture ----------------------------------------------------------------------


@dataclass
class Group:
    """One row of a count of proeftuinen: a step, a status or a cohort."""

    code: str
    label: str
    proeftuinen: int
    ambition: Decimal | None = None  # summed ambition (cohorts only), in banen


@dataclass
class CohortRow:
    code: str
    label: str
    cells: BanenCells


@dataclass
class QuarterRow:
    period: Period
    cells: BanenCells


@dataclass
class ProgrammeResults:
    """What the public results page, the open data and the API show (the same numbers)."""

    peildatum: date  # the date of the data: the registry as of today, approvals until today
    period: Period  # the quarter of the banen figures and the cohort table
    hours_per_job: Decimal
    threshold: int
    proeftuinen: int
    ambition_all: Decimal  # summed ambition of all proeftuinen in the programme (now)
    by_step: list[Group] = field(default_factory=list)
    by_status: list[Group] = field(default_factory=list)
    by_cohort: list[Group] = field(default_factory=list)
    banen_by_cohort: list[CohortRow] = field(default_factory=list)
    total: BanenCells | None = None  # the programme total for ``period``
    quarters: list[QuarterRow] = field(default_factory=list)  # oldest first
    has_figures: bool = False  # at least one published quarter
    next_quarter: Period | None = None  # the next quarter to be published, if it is pending
    next_publication: date | None = None  # ... and the day it is published at the latest

    @property
    def available_periods(self) -> list[Period]:
        return [row.period for row in self.quarters]


def _running(period: Period, prefix: str = "") -> Q:
    """Proeftuinen that ran in the quarter and so had to report for it (as the team's rounds
    overview, ``monitoring.views.staff.reports_due``)."""
    started, ended = f"{prefix}started_on", f"{prefix}ended_on"
    return Q(**{f"{started}__isnull": False, f"{started}__lte": period.end}) & (
        Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gte": period.start})
    )


def _approved(first: Period, last: Period):
    """The newest approved revision of every proeftuin and quarter from ``first`` to ``last``."""
    newer = ReportingRound.objects.filter(
        partnership=OuterRef("partnership"),
        year=OuterRef("year"),
        quarter=OuterRef("quarter"),
        revision__gt=OuterRef("revision"),
        status=RoundStatus.APPROVED,
    )
    return (
        ReportingRound.objects.filter(status=RoundStatus.APPROVED)
        .filter(Q(year__gt=first.year) | Q(year=first.year, quarter__gte=first.quarter))
        .filter(Q(year__lt=last.year) | Q(year=last.year, quarter__lte=last.quarter))
        .exclude(Exists(newer))
        .order_by()
    )


def _whole(path: str):
    return Coalesce(Cast(KT(path), BigIntegerField()), 0)


def _snapshot_sums() -> dict:
    """Sums over frozen snapshots, in the database: the exact sums of the confirmed buckets
    (every sector; not ``unconfirmed``), the baseline and the ambition."""
    sums = {}
    for name in ("hour_days", "hours_end", "persons", "persons_end"):
        parts = [_whole(f"snapshot__buckets__{sector}__{name}") for sector in SECTORS]
        sums[name] = Sum(sum(parts[1:], parts[0]))
    number = DecimalField(max_digits=16, decimal_places=2)
    sums["baseline"] = Sum(Cast(KT("snapshot__baseline"), number))
    sums["ambition"] = Sum(Cast(KT("snapshot__ambition"), number))
    return sums


def _as_figures(period: Period, row: dict | None) -> Figures:
    """A total of approved snapshots as ``Figures`` (so that every figure is computed as in
    monitoring)."""
    figures = empty_figures(period, regime_for(period), count=0)
    if not row:
        return figures
    figures.buckets = {
        "confirmed": ActivitySums(
            hour_days=row["hour_days"] or 0,
            hours_end=row["hours_end"] or 0,
            persons=row["persons"] or 0,
            persons_end=row["persons_end"] or 0,
        )
    }
    figures.baseline = Decimal(row["baseline"] or 0)
    figures.ambition = None if row["ambition"] is None else Decimal(row["ambition"])
    figures.count = row["reported"]
    return figures


def _series(first: Period, last: Period) -> dict[Period, dict]:
    """Per quarter: the sums of its approved reports (one grouped query)."""
    rows = (
        _approved(first, last)
        .values("year", "quarter")
        .annotate(reported=Count("pk"), **_snapshot_sums())
    )
    return {Period(row["year"], row["quarter"]): row for row in rows}


def _per_cohort(period: Period) -> dict[int, dict]:
    """Per cohort: the sums of the approved reports of ``period``, and how many of them come
    from proeftuinen that did not run in it (they count as due too)."""
    rows = (
        _approved(period, period)
        .values("partnership__cohort_id")
        .annotate(
            reported=Count("pk"),
            extra_due=Count("pk", filter=~_running(period, "partnership__")),
            **_snapshot_sums(),
        )
    )
    return {row["partnership__cohort_id"]: row for row in rows}


def _counts(period: Period):
    """Proeftuinen per status, step and cohort, with their ambition and baseline and how many
    ran in ``period`` (one grouped query)."""
    return list(
        Partnership.objects.order_by()
        .values("status", "current_step_id", "cohort_id")
        .annotate(
            n=Count("pk"),
            due=Count("pk", filter=_running(period)),
            ambition=Sum("ambition_jobs"),
        )
    )


def _due_per_quarter(quarters: list[Period]) -> dict[Period, int]:
    """Per quarter: proeftuinen that ran in it, plus those with an approved report that did
    not (two aggregate queries)."""
    if not quarters:
        return {}
    running = Partnership.objects.aggregate(
        **{f"q{index}": Count("pk", filter=_running(q)) for index, q in enumerate(quarters)}
    )
    extra = _approved(quarters[0], quarters[-1]).aggregate(
        **{
            f"q{index}": Count(
                "pk",
                filter=Q(year=q.year, quarter=q.quarter) & ~_running(q, "partnership__"),
            )
            for index, q in enumerate(quarters)
        }
    )
    return {q: running[f"q{i}"] + extra[f"q{i}"] for i, q in enumerate(quarters)}


def publication_date(period: Period) -> date:
    """The day a quarter is published whether or not every report is approved by then."""
    return period.end + timedelta(days=settings.PUBLIC_RESULTS_AFTER_DAYS)


def is_published(period: Period, *, reported: int, due: int, today: date) -> bool:
    """Complete (every proeftuin that had to report is approved) or past its publication date."""
    return (due > 0 and reported >= due) or today >= publication_date(period)


def choose_period(code: str | None, available: Sequence[Period], default: Period):
    """The quarter asked for, or ``default`` with a Dutch message saying why not."""
    from django.utils.translation import gettext as _

    if not code:
        return default, None
    try:
        period = Period.parse(code)
    except PeriodError as error:
        return default, str(error)
    if not period.is_quarter:
        return default, _("Kies een kwartaal, zoals %(example)s.") % {"example": str(default)}
    if period not in available:
        return default, _(
            "Voor %(period)s zijn (nog) geen cijfers gepubliceerd. U ziet %(default)s."
        ) % {"period": period.label, "default": default.label}
    return period, None


def _published(reported: list[Period], series: dict, due: dict, today: date) -> list[Period]:
    """The quarters of ``reported`` that are published (decision 0005)."""
    return [
        q
        for q in reported
        if is_published(q, reported=series.get(q, {}).get("reported", 0), due=due[q], today=today)
    ]


def _count_groups(results: ProgrammeResults, counts, steps, cohorts) -> None:
    """Proeftuinen by step, status and cohort (with the cohort's ambition)."""
    results.by_step = [
        Group(str(s.number), s.name, _sum(counts, "current_step_id", s.number)) for s in steps
    ]
    results.by_status = [
        Group(value, str(label), _sum(counts, "status", value))
        for value, label in Partnership.Status.choices
    ]
    results.by_cohort = [
        Group(
            str(c.number),
            c.name,
            _sum(counts, "cohort_id", c.pk),
            _round(_ambition(row for row in counts if row["cohort_id"] == c.pk), Decimal("0.1")),
        )
        for c in cohorts
    ]


def programme_results(
    *, period_code: str | None = None, today: date | None = None
) -> tuple[ProgrammeResults, str | None]:
    """The public results, for the quarter ``period_code`` (default: the latest published
    quarter). Returns the results and a Dutch message when the asked quarter could not
    be shown (then the default is shown)."""
    today = today or timezone.localdate()
    last = Period.last_completed_quarter(today)
    series = _series(Period(last.year - MAX_QUARTERS // 4, last.quarter).next(), last)
    reported = quarters_between(min(series), max(series)) if series else []
    due_per_quarter = _due_per_quarter(reported)
    quarters = _published(reported, series, due_per_quarter, today)
    default = quarters[-1] if quarters else last
    period, message = choose_period(period_code, quarters, default)

    cohorts = list(Cohort.objects.all())
    counts = _counts(period)
    results = ProgrammeResults(
        peildatum=today,
        period=period,
        hours_per_job=hours_per_job(period),
        threshold=threshold(),
        proeftuinen=sum(row["n"] for row in counts),
        ambition_all=_round(_ambition(counts), Decimal("0.1")),
        has_figures=bool(quarters),
    )
    pending = [q for q in [*reported, last] if not quarters or q > quarters[-1]]
    if pending:
        results.next_quarter = pending[0]
        results.next_publication = publication_date(pending[0])
    _count_groups(results, counts, Step.objects.all(), cohorts)
    if quarters:  # never the banen of a quarter that is not published
        _banen(results, cohorts, counts, _per_cohort(period))
    for quarter in quarters:
        total = _as_figures(quarter, series.get(quarter))
        _rows, cells = breakdown_cells([], (total, due_per_quarter[quarter]))
        results.quarters.append(QuarterRow(quarter, cells))
    return results, message


def _ambition(rows) -> Decimal:
    return sum((row["ambition"] or Decimal(0) for row in rows), Decimal(0))


def _sum(counts: list[dict], key: str, value, column: str = "n") -> int:
    return sum(row[column] for row in counts if row[key] == value)


def _banen(results: ProgrammeResults, cohorts, counts, per_cohort: dict) -> None:
    """The banen of ``results.period`` per cohort and in total (suppressed as a breakdown)."""
    period = results.period
    groups = []
    for cohort in cohorts:
        row = per_cohort.get(cohort.pk)
        due = _sum(counts, "cohort_id", cohort.pk, "due") + (row["extra_due"] if row else 0)
        groups.append((_as_figures(period, row), due))
    total = empty_figures(period, regime_for(period), count=0)
    for figures, _due in groups:
        total = total + figures
    rows, results.total = breakdown_cells(groups, (total, sum(due for _f, due in groups)))
    results.banen_by_cohort = [
        CohortRow(str(c.number), c.name, cells) for c, cells in zip(cohorts, rows, strict=True)
    ]
