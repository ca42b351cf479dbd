"""Precomputed overview rows: the programme overview without the engine pass over every
proeftuin on every request (docs/performance.md, measurement (c)).

``OverviewRow`` holds, per proeftuin and quarter, exactly what ``compute_figures`` (durability
off, approved quarters frozen) and ``glide_path_statuses`` gave, with the proeftuin's
``OverviewVersion`` at the time it was computed. Database triggers (migration 0002) add one to
that version in the same statement as any write that can change those figures, so a row whose
version differs is stale, whatever wrote (services, admin, import ``COPY``, raw SQL).
``refresh`` recomputes the stale rows with the engine itself before anything is read; a row is
never read at another version, so it cannot disagree with the engine.

Race-free because the versions are read *before* the engine reads the placements: a write that
commits after that read has raised the version, so what was stored for the old one is stale.
"""

from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction

from .engine import ActivitySums, DurabilitySums
from .figures import Figures, FigureSet, Source, compute_figures, hours_per_job, regime_for
from .models import (
    OVERVIEW_BUCKETS,
    OVERVIEW_DURABILITY,
    OVERVIEW_SUMS,
    OverviewRow,
    OverviewVersion,
)
from .periods import Period

SUM_COLUMNS = [f"{b}_{s}" for b in OVERVIEW_BUCKETS for s in OVERVIEW_SUMS]
DURABILITY_COLUMNS = [f"d_{name}" for name in OVERVIEW_DURABILITY]


def basis(period: Period) -> str:
    """Everything besides the data that the stored values depend on; a change makes every row
    of the quarter stale."""
    return "|".join(
        str(value)
        for value in (
            hours_per_job(period),
            regime_for(period),
            settings.GLIDE_PATH_GREEN_PERCENT,
            settings.GLIDE_PATH_AMBER_PERCENT,
        )
    )


def _centi(value: Decimal) -> int:
    scaled = value * 100
    if scaled != scaled.to_integral_value():
        raise ValueError(f"{value} has more than two decimals")
    return int(scaled)


def _ids_sql(partnerships) -> tuple[str, list]:
    sql, params = partnerships.order_by().values("pk").query.sql_with_params()
    return sql, list(params)


def _versions(partnerships, period: Period) -> tuple[dict[int, int], list[int]]:
    """The current version of every proeftuin in the set, and those whose row is missing or
    stale (one query; read before the engine runs)."""
    from inkoopkracht.partnerships.models import Partnership

    ids_sql, params = _ids_sql(partnerships)
    sql = f"""
        SELECT p.id, COALESCE(v.version, 0),
               CASE WHEN r.id IS NOT NULL AND r.version = COALESCE(v.version, 0)
                         AND r.basis = %s THEN 1 ELSE 0 END
        FROM {Partnership._meta.db_table} p
        LEFT JOIN {OverviewVersion._meta.db_table} v ON v.partnership_id = p.id
        LEFT JOIN {OverviewRow._meta.db_table} r ON r.partnership_id = p.id
             AND r.year = %s AND r.quarter = %s
        WHERE p.id IN ({ids_sql})
    """
    versions, stale = {}, []
    with connection.cursor() as cursor:
        cursor.execute(sql, [basis(period), period.year, period.quarter, *params])
        for pk, version, fresh in cursor:
            versions[pk] = version
            if not fresh:
                stale.append(pk)
    return versions, stale


def refresh(partnerships, period: Period) -> int:
    """Recompute with the engine the rows of ``partnerships`` for a quarter that are missing or
    stale; returns how many. In one transaction; a fixed number of queries per 2,000 rows."""
    from .glidepath import glide_path_statuses

    with transaction.atomic():
        versions, stale = _versions(partnerships, period)
        if not stale:
            return 0
        scope = partnerships if len(stale) > 1000 else partnerships.filter(pk__in=stale)
        figure_set = compute_figures(scope, period, durability=False)
        statuses = glide_path_statuses(scope, period, figure_set)
        current = basis(period)
        rows = [
            _row(figures, statuses[figures.partnership_id], versions, current, period)
            for figures in figure_set.rows
            if figures.partnership_id in versions
        ]
        OverviewRow.objects.bulk_create(
            rows,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["partnership", "year", "quarter"],
            update_fields=[
                f.attname
                for f in OverviewRow._meta.concrete_fields
                if f.attname not in ("id", "partnership_id", "year", "quarter")
            ],
        )
    return len(stale)


def _row(figures: Figures, status, versions, current: str, period: Period) -> OverviewRow:
    unknown = set(figures.buckets) - set(OVERVIEW_BUCKETS)
    if unknown:
        raise ValueError(f"Unknown buckets {unknown}")
    values = {}
    for bucket in OVERVIEW_BUCKETS:
        sums = figures.buckets.get(bucket, ActivitySums())
        for name in OVERVIEW_SUMS:
            values[f"{bucket}_{name}"] = getattr(sums, name)
    for name in OVERVIEW_DURABILITY:
        values[f"d_{name}"] = (
            None if figures.durability is None else getattr(figures.durability, name)
        )
    return OverviewRow(
        partnership_id=figures.partnership_id,
        year=period.year,
        quarter=period.quarter,
        version=versions[figures.partnership_id],
        basis=current,
        status=status.status,
        source=figures.source,
        revision=figures.revision,
        hours_per_job=str(figures.hours_per_job),
        baseline_centi=_centi(figures.baseline),
        ambition_centi=None if figures.ambition is None else _centi(figures.ambition),
        **values,
    )


def statuses(partnerships, period: Period) -> dict[int, str]:
    """``{partnership_id: status}`` from fresh rows (call ``refresh`` first)."""
    ids = partnerships.order_by().values("pk")
    return dict(
        OverviewRow.objects.filter(
            partnership__in=ids, year=period.year, quarter=period.quarter
        ).values_list("partnership_id", "status")
    )


def figures_of(row: OverviewRow, period: Period) -> Figures:
    """The ``Figures`` of a stored row, exactly as the engine gave them."""
    buckets = {
        bucket: ActivitySums(*(getattr(row, f"{bucket}_{name}") for name in OVERVIEW_SUMS))
        for bucket in OVERVIEW_BUCKETS
    }
    lasting = [getattr(row, column) for column in DURABILITY_COLUMNS]
    return Figures(
        period=period,
        regime=regime_for(period),
        buckets=buckets,
        durability=None if lasting[0] is None else DurabilitySums(*lasting),
        baseline=Decimal(row.baseline_centi) / 100,
        ambition=None if row.ambition_centi is None else Decimal(row.ambition_centi) / 100,
        hours_per_job=Decimal(row.hours_per_job),
        partnership_id=row.partnership_id,
        source=Source(row.source),
        revision=row.revision,
    )


def figure_set(ids: list[int], period: Period) -> FigureSet:
    """The stored rows of ``ids`` (in that order) as a ``FigureSet``."""
    rows = {
        row.partnership_id: row
        for row in OverviewRow.objects.filter(
            partnership_id__in=ids, year=period.year, quarter=period.quarter
        )
    }
    return FigureSet(
        period=period,
        regime=regime_for(period),
        rows=[figures_of(rows[pk], period) for pk in ids if pk in rows],
    )


def total(partnerships, period: Period, first: int, status: str | None = None) -> Figures:
    """The total of the rows, in SQL: exactly ``figures.sum_figures`` of them in the order
    whose first row is ``first`` (its ``hours_per_job`` is the total's, as there)."""
    queryset = OverviewRow.objects.filter(
        partnership__in=partnerships.order_by().values("pk"),
        year=period.year,
        quarter=period.quarter,
    )
    if status:
        queryset = queryset.filter(status=status)
    sql, params = queryset.values("pk").query.sql_with_params()
    columns = ", ".join(
        f"SUM({column})" for column in [*SUM_COLUMNS, *DURABILITY_COLUMNS, "baseline_centi"]
    )
    table = OverviewRow._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT {columns}, SUM(ambition_centi), COUNT(ambition_centi),
                       COUNT({DURABILITY_COLUMNS[0]}), COUNT(*),
                       MIN(source), MAX(source)
                FROM {table} WHERE id IN ({sql})""",
            params,
        )
        values = list(cursor.fetchone())
    first_row = OverviewRow.objects.get(
        partnership_id=first, year=period.year, quarter=period.quarter
    )
    sums = [int(v or 0) for v in values[: len(SUM_COLUMNS)]]
    lasting = [int(v or 0) for v in values[len(SUM_COLUMNS) : -7]]
    baseline, ambition, ambitions, durables, count, low, high = values[-7:]
    buckets = {
        bucket: ActivitySums(*sums[index * 4 : index * 4 + 4])
        for index, bucket in enumerate(OVERVIEW_BUCKETS)
    }
    return Figures(
        period=period,
        regime=regime_for(period),
        buckets=buckets,
        durability=DurabilitySums(*lasting) if durables == count else None,
        baseline=Decimal(int(baseline or 0)) / 100,
        ambition=Decimal(int(ambition)) / 100 if ambitions else None,
        hours_per_job=Decimal(first_row.hours_per_job),
        source=Source(low) if low == high else Source.LIVE,
        count=count,
    )
