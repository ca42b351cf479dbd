"""The indicators for the health overview: overdue actions, days since the last coaching
contact and days in the current step, for many proeftuinen in one query."""

from datetime import date, timedelta

import pytest

from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.indicators import (
    annotate_guidance,
    days_in_current_step,
    days_since_last_coaching,
    guidance_indicators,
    overdue_actions_per_partnership,
)
from inkoopkracht.partnerships.models import Partnership, Step
from inkoopkracht.partnerships.tests.factories import make_action, make_partnership, make_session

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 1)


@pytest.fixture
def coached():
    partnership = make_partnership(on=date(2026, 1, 1))
    services.change_step(
        partnership=partnership, step=Step.objects.get(number=2), by=None, on=date(2026, 5, 2)
    )
    make_session(partnership=partnership, held_on=date(2026, 5, 22))
    make_session(partnership=partnership, held_on=date(2026, 3, 1))
    make_session(partnership=partnership, held_on=date(2026, 7, 1))  # planned, not yet held
    make_action(partnership=partnership, due_on=TODAY - timedelta(days=1))
    make_action(partnership=partnership, due_on=TODAY - timedelta(days=9))
    make_action(partnership=partnership, due_on=TODAY)  # due today: not overdue
    return partnership


def test_indicators_of_a_coached_proeftuin(coached):
    indicators = guidance_indicators([coached.pk], today=TODAY)[coached.pk]
    assert indicators.overdue_actions == 2
    assert indicators.last_coaching_on == date(2026, 5, 22)
    assert indicators.days_since_coaching == 10
    assert indicators.step_since == date(2026, 5, 2)
    assert indicators.days_in_step == 30


def test_a_proeftuin_without_coaching(db):
    partnership = make_partnership(on=date(2026, 5, 1))
    assert overdue_actions_per_partnership([partnership.pk], today=TODAY) == {partnership.pk: 0}
    assert days_since_last_coaching([partnership.pk], today=TODAY) == {partnership.pk: None}
    assert days_in_current_step([partnership.pk], today=TODAY) == {partnership.pk: 31}


def test_many_proeftuinen_in_one_query(coached, django_assert_num_queries):
    for _ in range(5):
        make_partnership()
    with django_assert_num_queries(1):
        result = guidance_indicators(Partnership.objects.all(), today=TODAY)
    assert len(result) == 6


def test_sortable_in_the_database(coached):
    make_partnership()
    ordered = annotate_guidance(Partnership.objects.all(), today=TODAY).order_by("-overdue_actions")
    assert ordered.first() == coached
