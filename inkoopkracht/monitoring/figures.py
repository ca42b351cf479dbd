"""Monitoring figures of proeftuinen for a period: the public interface of the counting engine.

``compute_figures(partnerships, period, regime)`` returns a row per proeftuin and the totals;
each row is a ``Figures`` built from the exact sums of ``engine.py`` (or, for a quarter with an
approved report, from the frozen snapshot). Every figure of DESIGN.md 3 is a property of
``Figures``. ``present(figures, suppress=...)`` gives the values to show, with small numbers
suppressed for anyone outside the programme team (DESIGN.md 4).
"""

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inkoopkracht.lib.constants import constant
from inkoopkracht.lib.suppression import Suppressed, is_small, threshold

from .engine import UNCONFIRMED, ActivitySums, DurabilitySums, activity_sums, durability_sums
from .periods import Period

SECTORS = ("overheid", "markt")
TWO_PLACES = Decimal("0.01")


class Regime(models.TextChoices):
    """How jobs are attributed to the national targets (DESIGN.md 3, "Who gets the job")."""

    SPLIT = "split", _("Gescheiden sectoren (overheid en markt)")
    ONE = "one", _("Eén afspraak voor overheid en markt samen")


class Source(models.TextChoices):
    LIVE = "voorlopig", _("Voorlopig (berekend uit de huidige plaatsingen)")
    APPROVED = "goedgekeurd", _("Goedgekeurd (bevroren)")


@cache
def _regime_rows() -> list[tuple[date, str]]:
    path = Path(__file__).resolve().parent / "data" / "attribution_regimes.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = [(date.fromisoformat(r["valid_from"]), r["regime"]) for r in csv.DictReader(handle)]
    return sorted(rows)


def regime_for(period: Period) -> Regime:
    """The regime that applies to a period (``data/attribution_regimes.csv``, per year)."""
    valid = [regime for valid_from, regime in _regime_rows() if valid_from <= period.end]
    return Regime(valid[-1] if valid else _regime_rows()[0][1])


def _ratio(numerator: int, denominator: int) -> Decimal | None:
    return Decimal(numerator) / Decimal(denominator) if denominator else None


@dataclass
class Figures:
    """The figures of one proeftuin (or a total) for one period, from exact sums."""

    period: Period
    regime: Regime
    buckets: dict[str, ActivitySums]
    durability: DurabilitySums | None
    baseline: Decimal
    ambition: Decimal | None
    hours_per_job: Decimal
    partnership_id: int | None = None
    source: Source = Source.LIVE
    revision: int | None = None
    count: int = 1  # number of proeftuinen summed in this row

    # --- The sums -------------------------------------------------------------------------
    @property
    def confirmed(self) -> ActivitySums:
        total = ActivitySums()
        for key, sums in self.buckets.items():
            if key != UNCONFIRMED:
                total = total + sums
        return total

    @property
    def unconfirmed(self) -> ActivitySums:
        return self.buckets.get(UNCONFIRMED, ActivitySums())

    def sector(self, key: str) -> ActivitySums:
        return self.buckets.get(key, ActivitySums())

    # --- DESIGN.md 3 ----------------------------------------------------------------------
    def _banen_average(self, sums: ActivitySums) -> Decimal:
        return Decimal(sums.hour_days) / (100 * self.hours_per_job * self.period.days)

    def _banen_end(self, sums: ActivitySums) -> Decimal:
        return Decimal(sums.hours_end) / (100 * self.hours_per_job)

    @property
    def banen_gemiddeld(self) -> Decimal:
        return self._banen_average(self.confirmed)

    @property
    def banen_einde(self) -> Decimal:
        return self._banen_end(self.confirmed)

    @property
    def personen(self) -> int:
        return self.confirmed.persons

    @property
    def personen_einde(self) -> int:
        return self.confirmed.persons_end

    @property
    def extra_banen(self) -> Decimal:
        return self.banen_einde - self.baseline

    @property
    def progress(self) -> Decimal | None:
        """extra_banen / ambition (a fraction; None without an ambition)."""
        return self.extra_banen / self.ambition if self.ambition else None

    @property
    def unconfirmed_banen_gemiddeld(self) -> Decimal:
        return self._banen_average(self.unconfirmed)

    @property
    def unconfirmed_banen_einde(self) -> Decimal:
        return self._banen_end(self.unconfirmed)

    def retention(self, months: int) -> Decimal | None:
        if self.durability is None:
            return None
        d = self.durability
        return _ratio(getattr(d, f"retained_{months}"), getattr(d, f"eligible_{months}"))

    @property
    def conversion_rate(self) -> Decimal | None:
        d = self.durability
        return _ratio(d.converted, d.temporary_active) if d else None

    @property
    def permanent_share(self) -> Decimal | None:
        d = self.durability
        return _ratio(d.permanent_end, self.personen_einde) if d else None

    def attribution(self) -> list[dict]:
        """Where the confirmed jobs count under this row's regime: per sector, or all together."""
        if self.regime == Regime.ONE:
            parts = [("landelijk", _("Eén landelijke afspraak"), self.confirmed)]
        else:
            parts = [
                ("overheid", _("Telt voor de overheid"), self.sector("overheid")),
                ("markt", _("Telt voor de markt"), self.sector("markt")),
            ]
        return [
            {
                "key": key,
                "label": label,
                "banen_gemiddeld": self._banen_average(sums),
                "banen_einde": self._banen_end(sums),
                "personen": sums.persons,
                "personen_einde": sums.persons_end,
            }
            for key, label, sums in parts
        ]

    # --- Totals and snapshots -------------------------------------------------------------
    def __add__(self, other: "Figures") -> "Figures":
        buckets = dict(self.buckets)
        for key, sums in other.buckets.items():
            buckets[key] = buckets.get(key, ActivitySums()) + sums
        durability = None
        if self.durability is not None and other.durability is not None:
            durability = self.durability + other.durability
        ambition = None
        if self.ambition is not None or other.ambition is not None:
            ambition = (self.ambition or 0) + (other.ambition or 0)
        return Figures(
            period=self.period,
            regime=self.regime,
            buckets=buckets,
            durability=durability,
            baseline=self.baseline + other.baseline,
            ambition=ambition,
            hours_per_job=self.hours_per_job,
            source=self.source if self.source == other.source else Source.LIVE,
            count=self.count + other.count,
        )

    def snapshot(self) -> dict:
        """What a reporting round freezes: the exact sums and the basis they were measured on."""
        return {
            "period": str(self.period),
            "buckets": {key: sums.as_dict() for key, sums in self.buckets.items()},
            "durability": self.durability.as_dict() if self.durability else None,
            "baseline": str(self.baseline),
            "ambition": None if self.ambition is None else str(self.ambition),
            "hours_per_job": str(self.hours_per_job),
            "computed_at": timezone.now().isoformat(),
        }

    @classmethod
    def from_snapshot(cls, data: dict, *, regime: Regime, partnership_id=None, revision=None):
        return cls(
            period=Period.parse(data["period"]),
            regime=regime,
            buckets={key: ActivitySums(**sums) for key, sums in data["buckets"].items()},
            durability=DurabilitySums(**data["durability"]) if data.get("durability") else None,
            baseline=Decimal(data["baseline"]),
            ambition=Decimal(data["ambition"]) if data.get("ambition") is not None else None,
            hours_per_job=Decimal(data["hours_per_job"]),
            partnership_id=partnership_id,
            source=Source.APPROVED,
            revision=revision,
        )


@dataclass
class FigureSet:
    """Per-proeftuin rows (in the order of the queryset) and their total."""

    period: Period
    regime: Regime
    rows: list[Figures] = field(default_factory=list)

    @property
    def total(self) -> Figures:
        total = empty_figures(self.period, self.regime, count=0)
        for row in self.rows:
            total = total + row
        return total

    def by_partnership(self) -> dict[int, Figures]:
        return {row.partnership_id: row for row in self.rows}


def sum_figures(rows: Sequence[Figures]) -> Figures:
    """The total of ``rows`` (at least one), exactly as adding them with ``+``, in one pass
    without an intermediate ``Figures`` per row (for totals over thousands of proeftuinen)."""
    first = rows[0]
    buckets: dict[str, list[int]] = {}
    lasting = [0] * len(fields(DurabilitySums))
    has_durability = all(row.durability is not None for row in rows)
    baseline, ambition, any_ambition, count = Decimal(0), Decimal(0), False, 0
    for row in rows:
        for key, sums in row.buckets.items():
            total = buckets.setdefault(key, [0, 0, 0, 0])
            total[0] += sums.hour_days
            total[1] += sums.hours_end
            total[2] += sums.persons
            total[3] += sums.persons_end
        if has_durability:
            for index, value in enumerate(vars(row.durability).values()):
                lasting[index] += value
        baseline += row.baseline
        if row.ambition is not None:
            ambition, any_ambition = ambition + row.ambition, True
        count += row.count
    sources = {row.source for row in rows}
    return Figures(
        period=first.period,
        regime=first.regime,
        buckets={key: ActivitySums(*values) for key, values in buckets.items()},
        durability=DurabilitySums(*lasting) if has_durability else None,
        baseline=baseline,
        ambition=ambition if any_ambition else None,
        hours_per_job=first.hours_per_job,
        source=first.source if len(sources) == 1 else Source.LIVE,
        count=count,
    )


def empty_figures(period: Period, regime: Regime, **extra) -> Figures:
    return Figures(
        period=period,
        regime=regime,
        buckets={},
        durability=DurabilitySums(),
        baseline=Decimal(0),
        ambition=None,
        hours_per_job=hours_per_job(period),
        **extra,
    )


def hours_per_job(period: Period) -> Decimal:
    """One baan in hours per week, as valid at the end of the period (data/constants.csv)."""
    return constant("hours_per_job_per_week", on=period.end)


def _approved_snapshots(partnerships, periods: Sequence[Period]) -> dict:
    """``{(partnership_id, period): round}`` of the newest approved revision per quarter."""
    from .models import ReportingRound, RoundStatus

    quarters = [p for p in periods if p.is_quarter]
    if not quarters:
        return {}
    query = models.Q()
    for period in quarters:
        query |= models.Q(year=period.year, quarter=period.quarter)
    rounds = (
        ReportingRound.objects.filter(query, status=RoundStatus.APPROVED)
        .filter(partnership__in=partnerships.order_by().values("pk"))
        .order_by("partnership_id", "year", "quarter", "revision")
        .only("partnership_id", "year", "quarter", "revision", "snapshot")
    )
    return {(r.partnership_id, r.period): r for r in rounds}


def compute_series(
    partnerships,
    periods: Sequence[Period],
    regime: Regime | None = None,
    *,
    approved: bool = True,
    durability: bool = True,
) -> list[FigureSet]:
    """One ``FigureSet`` per period, in a fixed number of queries (one or two engine passes,
    one for the proeftuinen and one for approved reports), whatever the number of proeftuinen.

    ``partnerships`` is a queryset of ``Partnership`` (scope it with ``visible_to`` first).
    With ``approved`` a quarter with an approved report shows its frozen figures.
    """
    rows = list(partnerships.values_list("pk", "baseline_jobs", "ambition_jobs"))
    activity = activity_sums(partnerships, periods)
    lasting = durability_sums(partnerships, periods) if durability else {}
    frozen = _approved_snapshots(partnerships, periods) if approved else {}
    result = []
    for index, period in enumerate(periods):
        chosen = regime or regime_for(period)
        per_hour = hours_per_job(period)
        figure_set = FigureSet(period=period, regime=chosen)
        for pk, baseline, ambition in rows:
            snapshot_round = frozen.get((pk, period))
            if snapshot_round is not None:
                figure_set.rows.append(
                    Figures.from_snapshot(
                        snapshot_round.snapshot,
                        regime=chosen,
                        partnership_id=pk,
                        revision=snapshot_round.revision,
                    )
                )
                continue
            figure_set.rows.append(
                Figures(
                    period=period,
                    regime=chosen,
                    buckets=activity.get((pk, index), {}),
                    durability=lasting.get((pk, index), DurabilitySums()) if durability else None,
                    baseline=baseline,
                    ambition=ambition,
                    hours_per_job=per_hour,
                    partnership_id=pk,
                )
            )
        result.append(figure_set)
    return result


def compute_figures(
    partnerships, period: Period, regime: Regime | None = None, **options
) -> FigureSet:
    """Figures of a set of proeftuinen for one period: per-proeftuin rows and ``.total``.

    ``partnerships``: a ``Partnership`` queryset (or a list of ids); ``period``: a quarter or a
    year (``Period.parse("2026-Q3")``); ``regime``: ``Regime.SPLIT``/``Regime.ONE`` (default:
    the regime of that year). Options: ``approved=True`` (use frozen figures of approved
    quarters), ``durability=True`` (retention and conversion; one extra query).
    """
    if not hasattr(partnerships, "query"):
        from inkoopkracht.partnerships.models import Partnership

        partnerships = Partnership.objects.filter(pk__in=list(partnerships))
    return compute_series(partnerships, [period], regime, **options)[0]


# --- What to show ----------------------------------------------------------------------------


def _round(value: Decimal | None, places: Decimal = TWO_PLACES) -> Decimal | None:
    return None if value is None else value.quantize(places, rounding=ROUND_HALF_UP)


def _percent(value: Decimal | None) -> Decimal | None:
    return None if value is None else _round(value * 100, Decimal("1"))


def hide_small(value, persons: int | None, suppress: bool):
    """``value``, or ``Suppressed`` when ``suppress`` and it rests on a small number of persons."""
    return Suppressed(threshold()) if suppress and is_small(persons) else value


def present(figures: Figures, *, suppress: bool) -> dict:
    """Rounded figures to show. With ``suppress`` (anyone outside the programme team), every
    figure that rests on 1 to threshold-1 persons becomes ``Suppressed`` ("< 5")."""
    d = figures.durability or DurabilitySums()
    ends = figures.personen_einde
    values = {
        "banen_gemiddeld": hide_small(_round(figures.banen_gemiddeld), figures.personen, suppress),
        "banen_einde": hide_small(_round(figures.banen_einde), ends, suppress),
        "personen": hide_small(figures.personen, figures.personen, suppress),
        "personen_einde": hide_small(ends, ends, suppress),
        "baseline": _round(figures.baseline),
        "ambition": _round(figures.ambition, Decimal("0.1")),
        "extra_banen": hide_small(_round(figures.extra_banen), ends, suppress),
        "progress": hide_small(_percent(figures.progress), ends, suppress),
        "nog_te_verifieren_personen": hide_small(
            figures.unconfirmed.persons, figures.unconfirmed.persons, suppress
        ),
        "nog_te_verifieren_banen": hide_small(
            _round(figures.unconfirmed_banen_einde), figures.unconfirmed.persons_end, suppress
        ),
        "retentie_6": hide_small(_percent(figures.retention(6)), d.eligible_6, suppress),
        "retentie_12": hide_small(_percent(figures.retention(12)), d.eligible_12, suppress),
        "conversie_vast": hide_small(
            _percent(figures.conversion_rate), d.temporary_active, suppress
        ),
        "omzettingen_vast": hide_small(d.conversions, d.temporary_active, suppress),
        "aandeel_vast": hide_small(_percent(figures.permanent_share), ends, suppress),
        "attribution": _present_attribution(figures, suppress),
        "source": figures.source,
        "revision": figures.revision,
    }
    return values


def _present_attribution(figures: Figures, suppress: bool) -> list[dict]:
    parts = figures.attribution()
    shown = []
    for part in parts:
        shown.append(
            {
                "key": part["key"],
                "label": part["label"],
                "banen_einde": hide_small(
                    _round(part["banen_einde"]), part["personen_einde"], suppress
                ),
                "banen_gemiddeld": hide_small(
                    _round(part["banen_gemiddeld"]), part["personen"], suppress
                ),
            }
        )
    # One hidden part of a split could be recovered from the total: hide its partner too.
    for column in ("banen_einde", "banen_gemiddeld"):
        if sum(isinstance(part[column], Suppressed) for part in shown) == 1 and len(shown) == 2:
            for part in shown:
                part[column] = Suppressed(threshold())
    return shown


def both_regimes(figures: Figures, *, suppress: bool) -> list[dict]:
    """Where the jobs count under each regime, side by side; ``current`` marks the regime
    that applies to the period."""
    current = regime_for(figures.period)
    return [
        {
            "regime": regime,
            "current": regime == current,
            "parts": _present_attribution(replace(figures, regime=regime), suppress),
        }
        for regime in Regime
    ]


def aggregate(rows: Iterable[Figures], key) -> dict:
    """Sum per-proeftuin rows into groups (cohort, buyer, work sector…): ``{group: Figures}``.

    ``key(row)`` returns the group of a row. Every figure is a function of additive sums, so a
    group's figures are exactly those of its placements taken together.
    """
    groups: dict = {}
    for row in rows:
        group = key(row)
        groups[group] = groups[group] + row if group in groups else row
    return groups
