"""The fast total of many rows (``figures.sum_figures``, used by the programme overview) is
exactly the sum with ``+``."""

from decimal import Decimal
from functools import reduce
from operator import add

from inkoopkracht.monitoring.engine import ActivitySums, DurabilitySums
from inkoopkracht.monitoring.figures import Figures, Regime, Source, sum_figures
from inkoopkracht.monitoring.periods import Period

PERIOD = Period.parse("2026-Q3")


def _row(n: int, *, ambition=None, durability=True, source=Source.LIVE) -> Figures:
    buckets = {"markt": ActivitySums(n * 1000, n * 10, n, n)}
    if n % 2:
        buckets["unconfirmed"] = ActivitySums(7, 3, 1, 1)
    return Figures(
        period=PERIOD,
        regime=Regime.SPLIT,
        buckets=buckets,
        durability=DurabilitySums(n, n, 0, 0, 1, 1, 0, n) if durability else None,
        baseline=Decimal(n) / 4,
        ambition=ambition,
        hours_per_job=Decimal("25.5"),
        partnership_id=n,
        source=source,
    )


def _same(left: Figures, right: Figures) -> None:
    assert left.buckets == right.buckets
    assert left.durability == right.durability
    assert (left.baseline, left.ambition, left.source, left.count) == (
        right.baseline,
        right.ambition,
        right.source,
        right.count,
    )
    assert left.banen_einde == right.banen_einde


def test_sum_equals_adding_rows_one_by_one():
    rows = [_row(n, ambition=Decimal(n) if n % 3 else None) for n in range(1, 40)]
    _same(sum_figures(rows), reduce(add, rows))


def test_sum_without_ambitions_or_durability_and_with_mixed_sources():
    rows = [_row(1), _row(2, durability=False), _row(3, source=Source.APPROVED)]
    total = sum_figures(rows)
    _same(total, reduce(add, rows))
    assert total.ambition is None
    assert total.durability is None
    assert total.source == Source.LIVE
    _same(sum_figures([_row(5, source=Source.APPROVED)]), _row(5, source=Source.APPROVED))
