"""Public programme results: proeftuinen by step, status and cohort, and the banen they realised.

Only frozen figures count in public: a quarter's programme total is the sum of the approved
reports (``ReportingRound`` with status ``goedgekeurd``, newest revision) of that quarter. A
proeftuin without an approved report for a quarter is not in that quarter's total; the page
says how many of how many proeftuinen are in it.

Everything that rests on persons (banen, persons, extra banen, progress) is suppressed below
the threshold (``lib.suppression``), and in a breakdown with a shown total a second cell is
hidden as well when one is, so that no hidden cell can be recovered by subtraction
(``complementary_mask``).

``programme_results()`` reads everything in a fixed number of queries (five), whatever the
number of proeftuinen or quarters.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.utils import timezone

from inkoopkracht.lib.constants import constant
from inkoopkracht.lib.suppression import Suppressed, is_small, threshold
from inkoopkracht.monitoring.figures import Figures, aggregate, empty_figures, regime_for
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

    @property
    def any_suppressed(self) -> bool:
        return any(
            isinstance(v, Suppressed)
            for v in (self.banen_einde, self.banen_gemiddeld, self.personen_einde)
        )


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
    baseline_all: Decimal
    by_step: list[Group] = field(default_factory=list)
    by_status: list[Group] = field(default_factory=list)
    by_cohort: list[Group] = field(default_factory=list)
    banen_by_cohort: list[CohortRow] = field(default_factory=list)
    total: BanenCells | None = None  # the programme total for ``period``
    quarters: list[QuarterRow] = field(default_factory=list)  # oldest first
    has_figures: bool = False  # at least one approved report anywhere

    @property
    def available_periods(self) -> list[Period]:
        return [row.period for row in self.quarters]


def _due_filter(period: Period) -> Q:
    """A proeftuin reports for the quarters it ran in (as ``monitoring.views.staff.reports_due``),
    and it counts as due when it has an approved report anyway."""
    approved = ReportingRound.objects.filter(
        partnership=OuterRef("pk"),
        year=period.year,
        quarter=period.quarter,
        status=RoundStatus.APPROVED,
    )
    running = Q(started_on__isnull=False, started_on__lte=period.end) & (
        Q(ended_on__isnull=True) | Q(ended_on__gte=period.start)
    )
    return running | Q(Exists(approved))


def _approved_rounds(last: Period) -> dict[Period, dict[int, tuple[int, dict]]]:
    """``{quarter: {partnership_id: (cohort_id, snapshot)}}`` of the newest approved revision of
    every proeftuin and quarter, up to ``last`` (one query)."""
    first = Period(last.year - MAX_QUARTERS // 4, last.quarter)
    rows = (
        ReportingRound.objects.filter(status=RoundStatus.APPROVED)
        .filter(Q(year__gt=first.year) | Q(year=first.year, quarter__gte=first.quarter))
        .filter(Q(year__lt=last.year) | Q(year=last.year, quarter__lte=last.quarter))
        .order_by("partnership_id", "year", "quarter", "revision")
        .values_list("partnership_id", "partnership__cohort_id", "year", "quarter", "snapshot")
    )
    result: dict[Period, dict[int, tuple[int, dict]]] = {}
    for partnership_id, cohort_id, year, quarter, snapshot in rows:
        result.setdefault(Period(year, quarter), {})[partnership_id] = (cohort_id, snapshot)
    return result


def _figures(period: Period, approved: dict[int, tuple[int, dict]]) -> dict[int, Figures]:
    regime = regime_for(period)
    return {
        pk: Figures.from_snapshot(snapshot, regime=regime, partnership_id=pk)
        for pk, (_cohort, snapshot) in approved.items()
    }


def _counts(period: Period):
    """Proeftuinen per status, step and cohort, with their ambition and baseline and how many
    had to report for ``period`` (one grouped query)."""
    return list(
        Partnership.objects.order_by()
        .values("status", "current_step_id", "cohort_id")
        .annotate(
            n=Count("pk"),
            due=Count("pk", filter=_due_filter(period)),
            ambition=Sum("ambition_jobs"),
            baseline=Sum("baseline_jobs"),
        )
    )


def _due_per_quarter(quarters: list[Period]) -> dict[Period, int]:
    if not quarters:
        return {}
    counts = Partnership.objects.aggregate(
        **{f"q{index}": Count("pk", filter=_due_filter(q)) for index, q in enumerate(quarters)}
    )
    return {q: counts[f"q{index}"] for index, q in enumerate(quarters)}


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
            "Voor %(period)s zijn er geen goedgekeurde cijfers. U ziet %(default)s."
        ) % {"period": period.label, "default": default.label}
    return period, None


def programme_results(
    *, period_code: str | None = None, today: date | None = None
) -> tuple[ProgrammeResults, str | None]:
    """The public results, for the quarter ``period_code`` (default: the latest quarter with
    approved reports). Returns the results and a Dutch message when the asked quarter could not
    be shown (then the default is shown)."""
    today = today or timezone.localdate()
    last = Period.last_completed_quarter(today)
    approved = _approved_rounds(last)
    quarters = quarters_between(min(approved), max(approved)) if approved else []
    default = quarters[-1] if quarters else last
    period, message = choose_period(period_code, quarters, default)

    steps = list(Step.objects.all())
    cohorts = list(Cohort.objects.all())
    counts = _counts(period)
    due_per_quarter = _due_per_quarter(quarters)

    results = ProgrammeResults(
        peildatum=today,
        period=period,
        hours_per_job=constant("hours_per_job_per_week", on=period.end),
        threshold=threshold(),
        proeftuinen=sum(row["n"] for row in counts),
        ambition_all=sum((row["ambition"] or Decimal(0) for row in counts), Decimal(0)),
        baseline_all=sum((row["baseline"] or Decimal(0) for row in counts), Decimal(0)),
        has_figures=bool(approved),
    )
    results.by_step = [
        Group(str(s.number), s.name, _sum(counts, "current_step_id", s.number)) for s in steps
    ]
    results.by_status = [
        Group(value, str(label), _sum(counts, "status", value))
        for value, label in Partnership.Status.choices
    ]
    results.by_cohort = [
        Group(str(c.number), c.name, _sum(counts, "cohort_id", c.pk)) for c in cohorts
    ]
    _banen(results, cohorts, counts, approved.get(period, {}))
    for quarter in quarters:
        figures = _figures(quarter, approved.get(quarter, {}))
        total = _total(quarter, figures.values())
        _rows, cells = breakdown_cells([], (total, due_per_quarter[quarter]))
        results.quarters.append(QuarterRow(quarter, cells))
    return results, message


def _sum(counts: list[dict], key: str, value, column: str = "n") -> int:
    return sum(row[column] for row in counts if row[key] == value)


def _total(period: Period, rows) -> Figures:
    total = empty_figures(period, regime_for(period), count=0)
    for row in rows:
        total = total + row
    return total


def _banen(results: ProgrammeResults, cohorts, counts, approved: dict) -> None:
    """The banen of ``results.period`` per cohort and in total (suppressed as a breakdown)."""
    period = results.period
    figures = _figures(period, approved)
    cohort_of = {pk: cohort_id for pk, (cohort_id, _snapshot) in approved.items()}
    per_cohort = aggregate(figures.values(), key=lambda row: cohort_of[row.partnership_id])
    groups = [
        (per_cohort.get(c.pk) or empty_figures(period, regime_for(period), count=0),
         _sum(counts, "cohort_id", c.pk, "due"))
        for c in cohorts
    ]  # fmt: skip
    total = (_total(period, figures.values()), sum(row["due"] for row in counts))
    rows, results.total = breakdown_cells(groups, total)
    results.banen_by_cohort = [
        CohortRow(str(c.number), c.name, cells) for c, cells in zip(cohorts, rows, strict=True)
    ]
