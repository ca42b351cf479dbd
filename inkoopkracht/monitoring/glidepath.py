"""The glide path of a proeftuin and its red/amber/green status.

The glide path runs in banen (25.5-hour jobs) from the baseline (``baseline_jobs`` on the
baseline date, else the start date) through the milestones (baseline + milestone jobs) to the
ambition (baseline + ``ambition_jobs`` on ``ambition_date``), straight between the points.
For a period, the status compares the extra banen realised at its end with the extra banen
planned at that date:

- green: at least ``GLIDE_PATH_GREEN_PERCENT`` of the plan (default 90%);
- amber: at least ``GLIDE_PATH_AMBER_PERCENT`` (default 70%);
- red: less;
- unknown: no ambition, no start date, or the period ends before the glide path starts.
"""

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .figures import Figures, compute_figures
from .periods import Period


class Rag(models.TextChoices):
    GREEN = "groen", _("Op koers")
    AMBER = "oranje", _("Loopt achter")
    RED = "rood", _("Loopt ver achter")
    UNKNOWN = "onbekend", _("Geen glijpad")


@dataclass(frozen=True)
class GlidePoint:
    on: date
    banen: Decimal
    kind: str  # nulmeting | mijlpaal | ambitie


@dataclass(frozen=True)
class GlidePathStatus:
    status: Rag
    planned: Decimal | None = None  # banen planned at the end of the period
    realised: Decimal | None = None  # banen_einde of the period
    share: Decimal | None = None  # realised extra / planned extra
    reason: str = ""


def glide_path(partnership, milestones=None) -> list[GlidePoint]:
    """The points of the glide path (empty without an ambition or a start date)."""
    start = partnership.baseline_date or partnership.started_on
    if partnership.ambition_jobs is None or not partnership.ambition_date or not start:
        return []
    if partnership.ambition_date <= start:
        return []
    baseline = Decimal(partnership.baseline_jobs)
    milestones = partnership.milestones.all() if milestones is None else milestones
    points = [GlidePoint(start, baseline, "nulmeting")]
    for milestone in sorted(milestones, key=lambda m: m.due_on):
        if start < milestone.due_on < partnership.ambition_date:
            points.append(GlidePoint(milestone.due_on, baseline + milestone.jobs, "mijlpaal"))
    points.append(
        GlidePoint(partnership.ambition_date, baseline + partnership.ambition_jobs, "ambitie")
    )
    return points


def planned_on(points: list[GlidePoint], day: date) -> Decimal | None:
    """The banen planned on a day: straight between points; the ambition after the last one."""
    if not points or day < points[0].on:
        return None
    for before, after in zip(points, points[1:], strict=False):
        if before.on <= day <= after.on:
            share = Decimal((day - before.on).days) / Decimal((after.on - before.on).days)
            return before.banen + (after.banen - before.banen) * share
    return points[-1].banen


def status_for(partnership, figures: Figures, milestones=None) -> GlidePathStatus:
    """Red/amber/green of one proeftuin for the period of ``figures`` (see the module doc)."""
    points = glide_path(partnership, milestones)
    if not points:
        return GlidePathStatus(
            Rag.UNKNOWN, reason=str(_("Geen ambitie of startdatum vastgesteld."))
        )
    planned = planned_on(points, figures.period.end)
    if planned is None:
        return GlidePathStatus(Rag.UNKNOWN, reason=str(_("Het glijpad begint na deze periode.")))
    realised = figures.banen_einde
    baseline = points[0].banen
    planned_extra, realised_extra = planned - baseline, realised - baseline
    if planned_extra <= 0:
        status = Rag.GREEN if realised_extra >= 0 else Rag.AMBER
        return GlidePathStatus(status, planned, realised, None)
    share = realised_extra / planned_extra
    if share * 100 >= settings.GLIDE_PATH_GREEN_PERCENT:
        status = Rag.GREEN
    elif share * 100 >= settings.GLIDE_PATH_AMBER_PERCENT:
        status = Rag.AMBER
    else:
        status = Rag.RED
    return GlidePathStatus(status, planned, realised, share)


def glide_path_status(
    partnership, period: Period, figures: Figures | None = None
) -> GlidePathStatus:
    """The red/amber/green status of one proeftuin for a period (computes its figures when
    they are not given; approved quarters use their frozen figures)."""
    if figures is None:
        queryset = type(partnership).objects.filter(pk=partnership.pk)
        figures = compute_figures(queryset, period, durability=False).rows[0]
    return status_for(partnership, figures)


@dataclass(frozen=True)
class _PathBasis:
    """What a glide path is drawn from, without a model instance (for thousands at once)."""

    pk: int
    baseline_date: date | None
    started_on: date | None
    ambition_jobs: Decimal | None
    ambition_date: date | None
    baseline_jobs: Decimal


@dataclass(frozen=True)
class _MilestonePoint:
    due_on: date
    jobs: Decimal


def glide_path_statuses(
    partnerships, period: Period, figure_set=None
) -> dict[int, GlidePathStatus]:
    """``{partnership_id: status}`` for a queryset of proeftuinen, in a fixed number of queries
    (two besides the figures; plain values, no model instances)."""
    from inkoopkracht.partnerships.models import Milestone

    figure_set = figure_set or compute_figures(partnerships, period, durability=False)
    by_pk = figure_set.by_partnership()
    ids = partnerships.order_by().values("pk")
    milestones: dict[int, list] = {}
    for pk, due_on, jobs in Milestone.objects.filter(partnership__in=ids).values_list(
        "partnership_id", "due_on", "jobs"
    ):
        milestones.setdefault(pk, []).append(_MilestonePoint(due_on, jobs))
    names = [f.name for f in fields(_PathBasis)]
    return {
        basis.pk: status_for(basis, by_pk[basis.pk], milestones.get(basis.pk, []))
        for basis in (_PathBasis(*values) for values in partnerships.values_list(*names))
        if basis.pk in by_pk
    }


def forecast(realised: list[tuple[Period, Decimal]], until: Period, window: int = 4) -> dict:
    """Straight-line trend of the last ``window`` quarters, carried on to ``until``:
    ``{quarter: banen}`` for the quarters after the last realised one (at least 0)."""
    recent = [(i, value) for i, (_period, value) in enumerate(realised) if value is not None]
    recent = recent[-window:]
    if len(recent) < 2:
        return {}
    n = Decimal(len(recent))
    mean_x = sum(Decimal(x) for x, _v in recent) / n
    mean_y = sum(v for _x, v in recent) / n
    spread = sum((Decimal(x) - mean_x) ** 2 for x, _v in recent)
    slope = sum((Decimal(x) - mean_x) * (v - mean_y) for x, v in recent) / spread
    result, period, index = {}, realised[-1][0], len(realised) - 1
    while period < until:
        period, index = period.next(), index + 1
        result[period] = max(Decimal(0), mean_y + slope * (Decimal(index) - mean_x))
    return result
