"""The plan has one source of truth: a step's state follows ``current_step``, its dates the
step history, whoever moved the step (plan page, back office or service)."""

from datetime import date

import pytest

from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.models import Partnership, Step, StepChange, StepState, plan_of
from inkoopkracht.partnerships.tests.factories import make_partnership

pytestmark = pytest.mark.django_db


def states(partnership):
    partnership.refresh_from_db()
    return {item.step.number: item for item in plan_of(partnership)}


def move(partnership, number, on, reason=""):
    services.change_step(
        partnership=partnership, step=Step.objects.get(number=number), by=None, on=on, reason=reason
    )


def test_a_new_proeftuin_is_busy_with_step_one():
    plan = states(make_partnership(on=date(2026, 1, 5)))
    assert plan[1].state == StepState.IN_PROGRESS
    assert plan[1].started_on == date(2026, 1, 5)
    assert {plan[n].state for n in range(2, 10)} == {StepState.NOT_STARTED}


def test_moving_on_completes_the_step_with_date_and_person(coach, partnership_a):
    services.change_step(
        partnership=partnership_a, step=Step.objects.get(number=2), by=coach, on=date(2026, 2, 1)
    )
    plan = states(partnership_a)
    assert plan[1].state == StepState.DONE
    assert plan[1].completed_on == date(2026, 2, 1)
    assert plan[1].completed_by == coach
    assert plan[2].state == StepState.IN_PROGRESS
    assert plan[2].started_on == date(2026, 2, 1)


def test_skipped_steps_are_done_and_marked_skipped_with_the_reason():
    partnership = make_partnership(on=date(2026, 1, 5))
    move(partnership, 4, date(2026, 3, 1), reason="Werk al geanalyseerd")
    plan = states(partnership)
    assert [plan[n].state for n in (1, 2, 3, 4)] == [StepState.DONE] * 3 + [StepState.IN_PROGRESS]
    assert not plan[1].skipped
    assert plan[2].skipped
    assert plan[3].skipped
    assert plan[3].reason == "Werk al geanalyseerd"


def test_going_back_reopens_the_step_and_resets_later_ones():
    partnership = make_partnership(on=date(2026, 1, 5))
    move(partnership, 2, date(2026, 2, 1))
    move(partnership, 3, date(2026, 3, 1))
    move(partnership, 2, date(2026, 4, 1), reason="Intentieverklaring opnieuw")
    plan = states(partnership)
    assert plan[2].state == StepState.IN_PROGRESS
    assert plan[2].started_on == date(2026, 4, 1)
    assert plan[2].completed_on is None
    assert plan[3].state == StepState.NOT_STARTED
    assert plan[3].started_on is None


def test_a_step_skipped_without_reason_is_refused_and_changes_nothing():
    partnership = make_partnership()
    with pytest.raises(services.PartnershipError, match="Geef een reden op"):
        move(partnership, 3, date(2026, 2, 1))
    assert states(partnership)[1].state == StepState.IN_PROGRESS
    assert StepChange.objects.filter(partnership=partnership).count() == 1


def test_a_completed_proeftuin_has_its_last_step_done():
    partnership = make_partnership(on=date(2019, 1, 1))
    for number in range(2, 10):
        move(partnership, number, date(2019, 1, number))
    services.change_status(
        partnership=partnership, status=Partnership.Status.ACTIVE, by=None, on=date(2019, 1, 1)
    )
    services.change_status(
        partnership=partnership,
        status=Partnership.Status.COMPLETED,
        by=None,
        on=date(2024, 12, 12),
    )
    plan = states(partnership)
    assert plan[9].state == StepState.DONE
    assert plan[9].completed_on == date(2024, 12, 12)
