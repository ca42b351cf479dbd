"""Property: whatever the services do to a placement, its hours history covers every day from
its start date on with exactly one period (the first on the start date, no gaps or overlaps,
the last one open). The engine counts a person by the one period that covers their first day
in the quarter (``engine.activity_query``), so it relies on this; the engine's persons are
checked against a plain count of the active placements after every step."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.engine import activity_sums
from inkoopkracht.monitoring.models import Placement
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.tests.factories import make_partnership

pytestmark = pytest.mark.django_db

FIRST = date(2024, 1, 1)
DAYS = st.integers(0, 900).map(lambda days: FIRST + timedelta(days=days))
HOURS = st.sampled_from(["8", "16", "25.5", "32", "36"]).map(Decimal)
STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("hours"), DAYS, HOURS),
        st.tuples(st.just("start"), DAYS),
        st.tuples(st.just("end"), st.one_of(st.none(), DAYS)),
    ),
    max_size=6,
)
QUARTERS = [Period.parse(f"{year}-Q{q}") for year in (2024, 2025, 2026) for q in (1, 2, 3, 4)]


def _covers_every_day(placement: Placement) -> bool:
    periods = list(placement.hours.order_by("starts_on"))
    if not periods or periods[0].starts_on != placement.starts_on or periods[-1].ends_on:
        return False
    return all(
        later.starts_on == earlier.ends_on + timedelta(days=1)
        for earlier, later in zip(periods, periods[1:], strict=False)
    )


def _step(placement: Placement, step) -> None:
    kind, *values = step
    try:
        if kind == "hours":
            services.change_hours(
                placement=placement, starting=values[0], hours_per_week=values[1], by=None
            )
        elif kind == "start":
            services.update_placement(placement=placement, by=None, starts_on=values[0])
        else:
            services.update_placement(placement=placement, by=None, ends_on=values[0])
    except Exception:  # refused (a Dutch message): nothing changed
        placement.refresh_from_db()


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=DAYS, hours=HOURS, changes=st.lists(st.tuples(DAYS, HOURS), max_size=2), steps=STEPS)
def test_every_day_of_a_placement_has_exactly_one_hours_period(start, hours, changes, steps):
    with transaction.atomic():
        partnership = make_partnership()
        later = sorted({day: h for day, h in changes if day > start}.items())
        placement = services.create_placement(
            partnership=partnership,
            by=None,
            reference="UREN-1",
            starts_on=start,
            hours_per_week=hours,
            hour_changes=later,
            register_confirmed_on=start,
        )
        assert _covers_every_day(placement)
        for step in steps:
            with transaction.atomic():
                _step(placement, step)
            placement.refresh_from_db()
            assert _covers_every_day(placement), step
        sums = activity_sums([partnership.pk], QUARTERS)
        for index, quarter in enumerate(QUARTERS):
            active = placement.starts_on <= quarter.end and (
                placement.ends_on is None or placement.ends_on >= quarter.start
            )
            buckets = sums.get((partnership.pk, index), {})
            assert sum(b.persons for b in buckets.values()) == int(active), quarter
        transaction.set_rollback(True)
