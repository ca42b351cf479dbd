"""What the proeftuin's monitoring shows: the figures of a quarter, its glide-path status and the
chart (baseline → ambition, realised banen per quarter, a forecast from the trend).

Buyer and supplier see exactly the same; outside the programme team small numbers are
suppressed (``figures.present``).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from inkoopkracht.lib.charts import Series, line_chart
from inkoopkracht.lib.suppression import Suppressed
from inkoopkracht.partnerships.models import Partnership

from .access import sees_small_numbers
from .figures import (
    Figures,
    Source,
    both_regimes,
    compute_figures,
    compute_series,
    hide_small,
    present,
)
from .glidepath import GlidePathStatus, forecast, glide_path, planned_on, status_for
from .periods import Period, quarters_between

MAX_QUARTERS = 48


def first_quarter(partnership: Partnership, today: date) -> Period:
    """Where the proeftuin's history starts: its baseline, start, or cohort date."""
    start = partnership.baseline_date or partnership.started_on or partnership.cohort.starts_on
    return Period.quarter_of(min(start or today, today))


@dataclass
class Overview:
    partnership: Partnership
    period: Period
    figures: Figures
    shown: dict
    status: GlidePathStatus
    chart: object
    suppress: bool
    quarters: list  # realised quarters, oldest first: (period, Figures)
    regimes: list  # where the jobs count under each regime (figures.both_regimes)


def _number(value, places=1) -> str:
    return number_format(value, decimal_pos=places, use_l10n=True)


def _shown(value, suppress: bool, persons: int) -> Decimal | Suppressed | None:
    return hide_small(value.quantize(Decimal("0.01")), persons, suppress)


def overview(
    partnership: Partnership, user, *, period: Period | None = None, today: date | None = None
) -> Overview:
    """The monitoring of one proeftuin as this user may see it, for ``period`` (default: the
    last completed quarter), with the quarterly history for the chart."""
    today = today or timezone.localdate()
    last = Period.last_completed_quarter(today)
    period = period or last
    suppress = not sees_small_numbers(user)
    start = first_quarter(partnership, today)
    history = quarters_between(start, last)[-MAX_QUARTERS:] if start <= last else []
    periods = history + ([] if period in history else [period])
    queryset = Partnership.objects.filter(pk=partnership.pk)
    sets = compute_series(queryset, periods, durability=False)
    by_period = {figure_set.period: figure_set.rows[0] for figure_set in sets}
    figures = _with_durability(queryset, period, by_period[period])
    status = status_for(partnership, figures)
    quarters = [(q, by_period[q]) for q in history]
    return Overview(
        partnership=partnership,
        period=period,
        figures=figures,
        shown=present(figures, suppress=suppress),
        status=status,
        chart=glide_chart(partnership, quarters, status, suppress, last, period),
        suppress=suppress,
        quarters=quarters,
        regimes=both_regimes(figures, suppress=suppress),
    )


def _with_durability(queryset, period: Period, figures: Figures) -> Figures:
    if figures.durability is not None:
        return figures
    return compute_figures(queryset, period).rows[0]


def glide_chart(
    partnership, quarters, status: GlidePathStatus, suppress: bool, last: Period, period: Period
):
    """The glide-path chart with its table: planned, realised (approved or provisional) and
    the trend forecast, per quarter."""
    points = glide_path(partnership)
    end = Period.quarter_of(partnership.ambition_date) if points else last
    labels_periods = quarters_between(quarters[0][0], max(end, last)) if quarters else []
    labels_periods = labels_periods[: MAX_QUARTERS + 16]
    realised = {q: _shown(f.banen_einde, suppress, f.personen_einde) for q, f in quarters}
    sources = {q: str(Source(f.source).label).split(" (")[0] for q, f in quarters}
    numeric = [(q, v if isinstance(v, Decimal) else None) for q, v in realised.items()]
    hidden = any(isinstance(v, Suppressed) for v in list(realised.values())[-4:])
    projected = {} if hidden or not numeric else forecast(numeric, end)
    planned = [_round(planned_on(points, q.end)) for q in labels_periods]
    series = [
        Series(_("Gerealiseerd"), [realised.get(q) for q in labels_periods], marker="circle"),
        Series(_("Glijpad (gepland)"), planned, style="dashed", marker="square"),
    ]
    if projected:
        last_value = realised.get(last)
        values = [projected.get(q, last_value if q == last else None) for q in labels_periods]
        series.append(
            Series(
                _("Verwacht (trend)"),
                [_round(v) for v in values],
                style="dotted",
                marker="triangle",
            )
        )
    notes = [Series(_("Cijfers"), [sources.get(q, "") for q in labels_periods])]
    return line_chart(
        title=_("Glijpad en gerealiseerde banen"),
        description=_describe(points, status, period),
        labels=[q.short_label for q in labels_periods],
        series=series,
        unit=_("banen"),
        label_heading=_("Kwartaal"),
        decimals=2,
        notes=notes,
    )


def _round(value):
    return None if value is None else value.quantize(Decimal("0.01"))


def _describe(points, status: GlidePathStatus, period: Period) -> str:
    if not points:
        return _(
            "Banen (van 25,5 uur per week) aan het eind van elk kwartaal. Er is nog geen ambitie vastgesteld."
        )
    text = _(
        "Van %(baseline)s banen bij de nulmeting (%(start)s) naar %(target)s banen op %(end)s. "
        "De lijnen tonen per kwartaal het geplande en het gerealiseerde aantal banen van 25,5 uur per week."
    ) % {
        "baseline": _number(points[0].banen),
        "start": date_format(points[0].on, "j F Y"),
        "target": _number(points[-1].banen),
        "end": date_format(points[-1].on, "j F Y"),
    }
    if status.planned is not None:
        text += " " + _("Status eind %(period)s: %(status)s.") % {
            "period": period.label,
            "status": status.status.label,
        }
    return text
