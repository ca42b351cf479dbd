"""Red, amber and green against the glide path (baseline → milestones → ambition)."""

from datetime import date
from decimal import Decimal

import pytest

from inkoopkracht.monitoring.glidepath import (
    Rag,
    forecast,
    glide_path,
    glide_path_status,
    glide_path_statuses,
    planned_on,
)
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.models import Milestone, Partnership

from .factories import make_placement

pytestmark = pytest.mark.django_db


@pytest.fixture
def proeftuin(partnership_a):
    """Baseline 0 on 1 January 2025, 4 extra banen by 31 December 2028 (0 ambition needs none)."""
    partnership_a.baseline_jobs = Decimal(0)
    partnership_a.baseline_date = date(2025, 1, 1)
    partnership_a.ambition_jobs = Decimal(4)
    partnership_a.ambition_date = date(2028, 12, 31)
    partnership_a.save()
    return partnership_a


def test_the_glide_path_runs_straight_between_baseline_milestones_and_ambition(proeftuin):
    Milestone.objects.create(partnership=proeftuin, due_on=date(2026, 12, 31), jobs=Decimal(3))
    points = glide_path(proeftuin)
    assert [p.kind for p in points] == ["nulmeting", "mijlpaal", "ambitie"]
    assert planned_on(points, date(2026, 12, 31)) == 3
    assert planned_on(points, date(2027, 12, 31)) == Decimal(3) + Decimal(365) / Decimal(731)
    assert planned_on(points, date(2030, 1, 1)) == 4
    assert planned_on(points, date(2024, 1, 1)) is None


@pytest.mark.parametrize(
    ("hours", "expected"),
    [(["25.5", "25.5"], Rag.GREEN), (["25.5", "15.3"], Rag.AMBER), (["25.5"], Rag.RED)],
)
def test_the_status_compares_realised_with_planned_extra_banen(proeftuin, hours, expected):
    # Planned at the end of 2026: about 2 extra banen; green from 90%, amber from 70%.
    for value in hours:
        make_placement(partnership=proeftuin, starts_on=date(2026, 1, 1), hours=value)
    status = glide_path_status(proeftuin, Period.parse("2026-Q4"))
    assert status.planned.quantize(Decimal("0.01")) == Decimal("2.00")
    assert status.status == expected


def test_without_an_ambition_the_status_is_unknown(partnership_a):
    partnership_a.ambition_jobs = None
    partnership_a.ambition_date = None
    partnership_a.save()
    assert glide_path_status(partnership_a, Period.parse("2026-Q3")).status == Rag.UNKNOWN


def test_before_the_glide_path_starts_the_status_is_unknown(proeftuin):
    assert glide_path_status(proeftuin, Period.parse("2024-Q4")).status == Rag.UNKNOWN


def test_statuses_for_many_proeftuinen_take_a_fixed_number_of_queries(
    proeftuin, partnership_b, django_assert_max_num_queries
):
    with django_assert_max_num_queries(5):
        statuses = glide_path_statuses(Partnership.objects.all(), Period.parse("2026-Q3"))
    assert set(statuses) == {proeftuin.pk, partnership_b.pk}


def test_the_forecast_continues_the_trend_of_the_last_quarters():
    history = [(Period(2026, q), Decimal(q)) for q in (1, 2, 3)]
    projected = forecast(history, Period(2027, 1))
    assert projected == {Period(2026, 4): Decimal(4), Period(2027, 1): Decimal(5)}
    assert forecast(history[:1], Period(2027, 1)) == {}
