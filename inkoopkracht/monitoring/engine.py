"""The counting engine: set-based SQL over placements and their hours (DESIGN.md 3).

Two queries, each one pass over the placements of any set of proeftuinen for any number of
periods (a ``VALUES`` list joined as a table), grouped in the database:

- ``activity_sums``: per proeftuin, period and bucket (the sector a confirmed job counts for
  under the split regime, or ``unconfirmed``): hour-days, hours on the last day, persons active
  in the period and persons active on its last day.
- ``durability_sums``: per proeftuin and period, the counts behind retention at 6 and 12 months
  and conversion to permanent contracts (confirmed placements only).

Everything is integer arithmetic on columns the database generates from the dates
(``dbfunctions.py``): day numbers, month indexes and hours in hundredths. The SQL is the same
on SQLite and PostgreSQL except for the names of the two-argument minimum and maximum. Figures
are derived from these exact sums in ``figures.py``.

For a period P = [ps, pe] (day numbers) and a placement p with hours periods h:

    hour_days  = Σ centihours(h) × |h ∩ p ∩ P| (days)     banen_gemiddeld = hour_days / (100 × 25.5 × days(P))
    hours_end  = Σ centihours(h) where pe ∈ h ∩ p           banen_einde     = hours_end / (100 × 25.5)
    persons    = Σ 1 where max(start(p), ps) ∈ h              persons_end     = Σ 1 where pe ∈ h ∩ p

Persons are counted on the joined rows themselves, without grouping per placement first (a
third faster at national scale): every day of a placement lies in exactly one of its hours
periods (``hours.py``: the first starts on the start date, no gaps, the last is open), so the
one period that holds the placement's first day in P counts it once, and the one that holds
P's last day counts it at the end. ``test_hours_cover_every_day_of_a_placement`` holds every
service write to that rule.
"""

from collections.abc import Sequence
from dataclasses import dataclass, fields

from django.db import connection

from inkoopkracht.organisations.models import Organisation

from .models import LENDING_TYPES, Placement, PlacementHours
from .periods import Period, day_number, month_index

UNCONFIRMED = "unconfirmed"
RETENTION_MONTHS = (6, 12)


@dataclass
class ActivitySums:
    """Exact sums for one bucket: hours are in hundredths, hour-days in hundredth-hour-days."""

    hour_days: int = 0
    hours_end: int = 0
    persons: int = 0
    persons_end: int = 0

    def __add__(self, other: "ActivitySums") -> "ActivitySums":
        return ActivitySums(
            self.hour_days + other.hour_days,
            self.hours_end + other.hours_end,
            self.persons + other.persons,
            self.persons_end + other.persons_end,
        )

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class DurabilitySums:
    """Counts behind retention and conversion (confirmed placements)."""

    eligible_6: int = 0
    retained_6: int = 0
    eligible_12: int = 0
    retained_12: int = 0
    temporary_active: int = 0
    converted: int = 0
    conversions: int = 0
    permanent_end: int = 0

    def __add__(self, other: "DurabilitySums") -> "DurabilitySums":
        return DurabilitySums(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(self))
        )

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _vendor_names(vendor: str | None = None) -> tuple[str, str]:
    vendor = vendor or connection.vendor
    return ("MIN", "MAX") if vendor == "sqlite" else ("LEAST", "GREATEST")


def _periods_cte(periods: Sequence[Period]) -> tuple[str, list]:
    rows, params = [], []
    for index, period in enumerate(periods):
        rows.append("(%s, %s, %s, %s)")
        params += [index, day_number(period.start), day_number(period.end), month_index(period.end)]
    return f"periods (idx, ps, pe, pm) AS (VALUES {', '.join(rows)})", params


def _partnership_filter(partnerships) -> tuple[str, list]:
    """``IN (subquery)`` for a queryset of proeftuinen, or a list of ids."""
    from inkoopkracht.partnerships.models import Partnership

    if not hasattr(partnerships, "query"):
        partnerships = Partnership.objects.filter(pk__in=list(partnerships))
    sql, params = partnerships.order_by().values("pk").query.sql_with_params()
    return f"p.partnership_id IN ({sql})", list(params)


def _counts_for_sql() -> str:
    lending = ", ".join(f"'{value}'" for value in sorted(LENDING_TYPES))
    return (
        f"CASE WHEN p.employment_type IN ({lending}) AND p.hirer_id IS NOT NULL "
        "THEN p.hirer_id ELSE p.employer_id END"
    )


def activity_query(
    partnerships, periods: Sequence[Period], vendor: str | None = None
) -> tuple[str, list]:
    """The SQL and parameters of ``activity_sums`` (``%s`` placeholders). ``vendor`` is
    ``sqlite`` or any other (``LEAST``/``GREATEST``: PostgreSQL, also DuckDB)."""
    least, greatest = _vendor_names(vendor)
    cte, cte_params = _periods_cte(periods)
    where, where_params = _partnership_filter(partnerships)
    sql = f"""
        WITH {cte}
        SELECT p.partnership_id, per.idx,
               CASE WHEN p.register_confirmed_on IS NULL THEN 0 ELSE 1 END AS confirmed,
               o.sector,
               SUM(h.centihours * ({least}(h.end_day, p.end_day, per.pe)
                   - {greatest}(h.start_day, p.start_day, per.ps) + 1)),
               SUM(CASE WHEN h.start_day <= per.pe AND h.end_day >= per.pe
                        AND p.end_day >= per.pe THEN h.centihours ELSE 0 END),
               SUM(CASE WHEN h.start_day <= {greatest}(p.start_day, per.ps) THEN 1 ELSE 0 END),
               SUM(CASE WHEN h.start_day <= per.pe AND h.end_day >= per.pe
                        AND p.end_day >= per.pe THEN 1 ELSE 0 END)
        FROM {Placement._meta.db_table} p
        JOIN periods per ON p.start_day <= per.pe AND p.end_day >= per.ps
        JOIN {PlacementHours._meta.db_table} h ON h.placement_id = p.id
             AND h.start_day <= per.pe AND h.end_day >= per.ps
             AND h.start_day <= p.end_day AND h.end_day >= p.start_day
        JOIN {Organisation._meta.db_table} o ON o.id = {_counts_for_sql()}
        WHERE {where}
        GROUP BY p.partnership_id, per.idx, 3, o.sector
    """
    return sql, cte_params + where_params


def _run(query, fold, partnerships, periods: Sequence[Period]) -> dict:
    """Run one of the engine's queries and fold its rows (``{}`` without periods)."""
    if not periods:
        return {}
    sql, params = query(partnerships, periods)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return fold(cursor.fetchall())


def fold_activity(rows) -> dict[tuple[int, int], dict]:
    """The rows of ``activity_query`` as ``{(partnership_id, period_index): {bucket: sums}}``."""
    result: dict[tuple[int, int], dict] = {}
    for pid, idx, confirmed, sector, hour_days, hours_end, persons, persons_end in rows:
        bucket = sector if confirmed else UNCONFIRMED
        buckets = result.setdefault((pid, idx), {})
        sums = ActivitySums(int(hour_days), int(hours_end), int(persons), int(persons_end))
        earlier = buckets.get(bucket)  # unconfirmed rows of several sectors share one bucket
        buckets[bucket] = sums if earlier is None else earlier + sums
    return result


def activity_sums(partnerships, periods: Sequence[Period]) -> dict[tuple[int, int], dict]:
    """``{(partnership_id, period_index): {bucket: ActivitySums}}``; buckets are the sectors
    (``overheid``, ``markt``) of confirmed jobs under the split regime, and ``unconfirmed``."""
    return _run(activity_query, fold_activity, partnerships, periods)


def _durability_columns() -> str:
    columns = []
    for months in RETENTION_MONTHS:
        eligible = f"p.start_month <= per.pm - {months}"
        columns.append(f"SUM(CASE WHEN {eligible} THEN 1 ELSE 0 END)")
        columns.append(
            f"SUM(CASE WHEN {eligible} AND p.months_active >= {months} THEN 1 ELSE 0 END)"
        )
    temporary = "p.end_day >= per.ps AND p.permanent_day > p.start_day"
    columns += [
        f"SUM(CASE WHEN {temporary} THEN 1 ELSE 0 END)",
        f"SUM(CASE WHEN {temporary} AND p.permanent_day <= per.pe THEN 1 ELSE 0 END)",
        "SUM(CASE WHEN p.permanent_day > p.start_day AND p.permanent_day >= per.ps "
        "AND p.permanent_day <= per.pe THEN 1 ELSE 0 END)",
        "SUM(CASE WHEN p.end_day >= per.pe AND p.permanent_day <= per.pe THEN 1 ELSE 0 END)",
    ]
    return ",\n               ".join(columns)


def durability_query(partnerships, periods: Sequence[Period]) -> tuple[str, list]:
    """The SQL and parameters of ``durability_sums`` (``%s`` placeholders)."""
    cte, cte_params = _periods_cte(periods)
    where, where_params = _partnership_filter(partnerships)
    sql = f"""
        WITH {cte}
        SELECT p.partnership_id, per.idx,
               {_durability_columns()}
        FROM {Placement._meta.db_table} p
        JOIN periods per ON p.start_day <= per.pe
        WHERE {where} AND p.register_confirmed_on IS NOT NULL
        GROUP BY p.partnership_id, per.idx
    """
    return sql, cte_params + where_params


def fold_durability(rows) -> dict[tuple[int, int], DurabilitySums]:
    """The rows of ``durability_query`` as ``{(partnership_id, period_index): sums}``."""
    return {(pid, idx): DurabilitySums(*(int(v) for v in counts)) for pid, idx, *counts in rows}


def durability_sums(
    partnerships, periods: Sequence[Period]
) -> dict[tuple[int, int], DurabilitySums]:
    """``{(partnership_id, period_index): DurabilitySums}`` over confirmed placements.

    Retention at m months: of the placements started at least m months before the end of P
    (``add_months(start, m) <= end of P``; periods end on a month's last day, so this is
    ``start_month <= month(end of P) - m``), those still active m months after their start
    (``months_active >= m``). Conversion: of the placements active in P that did not start on a
    permanent contract, those permanent by the end of P; ``conversions`` counts the changes to
    permanent within P; ``permanent_end`` the permanent contracts active on the last day.
    """
    return _run(durability_query, fold_durability, partnerships, periods)
