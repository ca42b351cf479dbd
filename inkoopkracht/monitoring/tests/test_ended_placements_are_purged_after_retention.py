"""Placements go five years after the job ended; running ones and recent ones stay."""

from datetime import date, timedelta

import pytest

from inkoopkracht.monitoring.models import Placement
from inkoopkracht.monitoring.services import purge_ended_placements
from inkoopkracht.monitoring.tests.factories import make_placement
from inkoopkracht.partnerships.tests.factories import make_partnership

pytestmark = pytest.mark.django_db


def test_only_placements_that_ended_long_ago_are_deleted():
    partnership = make_partnership()
    today = date(2026, 11, 26)
    old = make_placement(
        partnership=partnership, starts_on=date(2019, 1, 1), ends_on=date(2020, 6, 30)
    )
    recent = make_placement(
        partnership=partnership, starts_on=date(2019, 1, 1), ends_on=today - timedelta(days=400)
    )
    running = make_placement(partnership=partnership, starts_on=date(2019, 1, 1))
    assert purge_ended_placements(today=today) == 1
    assert set(Placement.objects.values_list("pk", flat=True)) == {recent.pk, running.pk}
    assert not Placement.objects.filter(pk=old.pk).exists()
