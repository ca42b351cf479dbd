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

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, Min, Sum
from django.utils import timezone

from inkoopkracht.lib.bulk import insert_rows

from .engine import ActivitySums, DurabilitySums
from .figures import Figures, FigureSet, Source, compute_figures, hours_per_job, regime_for
from .glidepath import Rag, glide_path_statuses
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
COLUMNS = [
    "partnership_id", "year", "quarter", "version", "basis", "status", "source", "revision",
    "hours_per_job", "baseline_centi", "ambition_centi", *SUM_COLUMNS, *DURABILITY_COLUMNS,
]  # fmt: skip
TOTALLED = [*SUM_COLUMNS, *DURABILITY_COLUMNS, "baseline_centi", "ambition_centi"]


def overview_quarter(today: date | None = None) -> Period:
    """The quarter the programme overview shows unless another is chosen (the last completed
    one); the background refresh keeps its rows fresh."""
    return Period.last_completed_quarter(today or timezone.localdate())


def overview_partnerships():
    """The proeftuinen the programme overview lists (all but applications), unordered."""
    from inkoopkracht.partnerships.models import Partnership

    return Partnership.objects.exclude(status=Partnership.Status.APPLIED)


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


def _versions(partnerships) -> dict[int, int]:
    """The current version of every proeftuin in the set (read before the engine runs)."""
    ids_sql, params = _ids_sql(partnerships)
    sql = (
        f"SELECT partnership_id, version FROM {OverviewVersion._meta.db_table} "
        f"WHERE partnership_id IN ({ids_sql})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return dict(cursor.fetchall())


def stale_ids(partnerships, period: Period) -> list[int]:
    """The proeftuinen of the set whose row for a quarter is missing or stale (one query that
    returns nothing when all are fresh)."""
    from inkoopkracht.partnerships.models import Partnership

    ids_sql, params = _ids_sql(partnerships)
    sql = f"""
        SELECT p.id FROM {Partnership._meta.db_table} p
        LEFT JOIN {OverviewVersion._meta.db_table} v ON v.partnership_id = p.id
        LEFT JOIN {OverviewRow._meta.db_table} r ON r.partnership_id = p.id
             AND r.year = %s AND r.quarter = %s
        WHERE p.id IN ({ids_sql})
          AND (r.id IS NULL OR r.version <> COALESCE(v.version, 0) OR r.basis <> %s)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [period.year, period.quarter, *params, basis(period)])
        return [pk for (pk,) in cursor.fetchall()]


def ensure_fresh(partnerships, period: Period) -> int:
    """Recompute with the engine the missing or stale rows of the set for a quarter (see
    ``refresh``), so that every row read afterwards equals the engine; returns how many."""
    stale = stale_ids(partnerships, period)
    refresh(partnerships, period, stale)
    return len(stale)


def statuses(partnerships, period: Period) -> dict[int, str]:
    """``{partnership_id: status}`` of the proeftuinen in ``partnerships`` for a quarter, from
    their rows (made fresh first)."""
    ensure_fresh(partnerships, period)
    return dict(
        OverviewRow.objects.filter(
            partnership__in=partnerships.order_by().values("pk"),
            year=period.year,
            quarter=period.quarter,
        ).values_list("partnership_id", "status")
    )


def with_status(period: Period, status: str):
    """The ids of proeftuinen whose row for a quarter has this status (a subquery)."""
    return OverviewRow.objects.filter(
        year=period.year, quarter=period.quarter, status=status
    ).values("partnership_id")


def refresh(partnerships, period: Period, stale: list[int] | None = None) -> dict[int, str]:
    """Recompute with the engine and store the rows of the ``stale`` proeftuinen (default: all
    of ``partnerships``) for a quarter; returns their statuses. In one transaction, in a fixed
    number of queries; with many stale rows one engine pass over the whole set."""

    if stale is not None and not stale:
        return {}
    with transaction.atomic():
        many = stale is None or len(stale) > 1000
        scope = partnerships if many else partnerships.filter(pk__in=stale)
        versions = _versions(scope)  # before the engine reads anything: see the module doc
        figure_set = compute_figures(scope, period, durability=False)
        computed = glide_path_statuses(scope, period, figure_set)
        current = basis(period)
        written = set(stale) if stale is not None else None  # only what changed: less bloat
        rows = [
            _row(figures, computed[figures.partnership_id], versions, current, period)
            for figures in figure_set.rows
            if written is None or figures.partnership_id in written
        ]
        replaced = OverviewRow.objects.filter(year=period.year, quarter=period.quarter)
        if written is None:
            replaced = replaced.filter(partnership__in=scope.order_by().values("pk"))
        else:
            replaced = replaced.filter(partnership_id__in=stale)
        try:
            with transaction.atomic():  # a savepoint
                replaced.delete()
                insert_rows(OverviewRow._meta.db_table, COLUMNS, rows)
        except IntegrityError:
            # Another request stored these rows at the same moment; theirs are checked
            # against the versions like any other, and this request uses what it computed.
            pass
    return {pk: status.status for pk, status in computed.items()}


def _row(figures: Figures, status, versions, current: str, period: Period) -> tuple:
    """The values of one row in the order of ``COLUMNS``."""
    unknown = set(figures.buckets) - set(OVERVIEW_BUCKETS)
    if unknown:
        raise ValueError(f"Unknown buckets {unknown}")
    sums = [
        getattr(figures.buckets.get(bucket, ActivitySums()), name)
        for bucket in OVERVIEW_BUCKETS
        for name in OVERVIEW_SUMS
    ]
    lasting = [
        None if figures.durability is None else getattr(figures.durability, name)
        for name in OVERVIEW_DURABILITY
    ]
    return (
        figures.partnership_id,
        period.year,
        period.quarter,
        versions.get(figures.partnership_id, 0),
        current,
        Rag(status.status).value,
        Source(figures.source).value,
        figures.revision,
        str(figures.hours_per_job),
        _centi(figures.baseline),
        None if figures.ambition is None else _centi(figures.ambition),
        *sums,
        *lasting,
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


def summary(partnerships, period: Period) -> dict[str, dict]:
    """Per status, the number of proeftuinen and the sums of their rows for a quarter (one
    query; make the rows fresh first)."""
    queryset = OverviewRow.objects.filter(
        partnership__in=partnerships.order_by().values("pk"),
        year=period.year,
        quarter=period.quarter,
    )
    groups = queryset.values("status").annotate(
        **{f"sum_{column}": Sum(column) for column in TOTALLED},
        ambitions=Count("ambition_centi"),
        durables=Count(DURABILITY_COLUMNS[0]),
        count=Count("id"),
        low=Min("source"),
        high=Max("source"),
    )
    return {group.pop("status"): group for group in groups.order_by()}


def total(
    partnerships, period: Period, first: int, status: str | None = None, groups=None
) -> Figures:
    """The total of the rows (those with ``status``, or all): exactly ``figures.sum_figures``
    of them in an order whose first row is ``first`` (its ``hours_per_job`` is the total's, as
    there). Integer sums added exactly; ``groups`` is ``summary()`` when already read."""
    groups = summary(partnerships, period) if groups is None else groups
    chosen = [group for key, group in groups.items() if status in (None, "", key)]
    total_of = {
        column: sum(int(group[f"sum_{column}"] or 0) for group in chosen) for column in TOTALLED
    }
    count = sum(group["count"] for group in chosen)
    sources = {group["low"] for group in chosen} | {group["high"] for group in chosen}
    first_hours = OverviewRow.objects.filter(
        partnership_id=first, year=period.year, quarter=period.quarter
    ).values_list("hours_per_job", flat=True)[0]
    buckets = {
        bucket: ActivitySums(*(total_of[f"{bucket}_{name}"] for name in OVERVIEW_SUMS))
        for bucket in OVERVIEW_BUCKETS
    }
    return Figures(
        period=period,
        regime=regime_for(period),
        buckets=buckets,
        durability=(
            DurabilitySums(*(total_of[column] for column in DURABILITY_COLUMNS))
            if sum(group["durables"] for group in chosen) == count
            else None
        ),
        baseline=Decimal(total_of["baseline_centi"]) / 100,
        ambition=(
            Decimal(total_of["ambition_centi"]) / 100
            if any(group["ambitions"] for group in chosen)
            else None
        ),
        hours_per_job=Decimal(first_hours),
        source=Source(sources.pop()) if len(sources) == 1 else Source.LIVE,
        count=count,
    )
