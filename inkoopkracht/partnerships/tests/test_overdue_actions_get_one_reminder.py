"""A periodic task reminds the owners of overdue actions, with the coaches in copy: once per
due date, however often it runs."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from inkoopkracht.lib.periodic import discover
from inkoopkracht.partnerships.models import ActionItem
from inkoopkracht.partnerships.services import coaching
from inkoopkracht.partnerships.services.coaching import Owner
from inkoopkracht.partnerships.tasks import remind_overdue_actions
from inkoopkracht.partnerships.tests.factories import make_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def run_task(django_capture_on_commit_callbacks):
    """Run the periodic task; its mail leaves after the commit, so run those callbacks too."""

    def run():
        with django_capture_on_commit_callbacks(execute=True):
            remind_overdue_actions.enqueue()

    return run


def yesterday():
    return timezone.localdate() - timedelta(days=1)


def test_the_task_is_periodic():
    assert discover()["partnerships.remind_overdue_actions"] is remind_overdue_actions


def test_owners_get_a_reminder_with_the_coach_in_copy(
    coach, supplier_member, buyer_member, partnership_a, run_task
):
    action = make_action(partnership=partnership_a, side="supplier", due_on=yesterday())
    run_task()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [supplier_member.email]
    assert message.cc == [coach.email]
    assert "Herinnering" in message.subject
    assert action.description in message.body
    assert f"/mijn/proeftuinen/{partnership_a.pk}/acties/" in message.body
    action.refresh_from_db()
    assert action.reminded_at is not None


def test_running_again_sends_nothing_new(coach, supplier_member, partnership_a, run_task):
    make_action(partnership=partnership_a, side="supplier", due_on=yesterday())
    run_task()
    run_task()
    assert len(mail.outbox) == 1


def test_a_new_due_date_means_a_new_reminder_when_it_passes(
    coach, supplier_member, partnership_a, run_task
):
    action = make_action(partnership=partnership_a, side="supplier", due_on=yesterday())
    run_task()
    coaching.change_action(
        action=action,
        by=coach,
        description=action.description,
        owner=Owner("supplier"),
        due_on=timezone.localdate() + timedelta(days=7),
        status=ActionItem.Status.OPEN,
    )
    assert coaching.send_overdue_reminders() == 0
    assert coaching.send_overdue_reminders(today=timezone.localdate() + timedelta(days=8)) == 1


def test_done_and_future_actions_get_no_reminder(coach, supplier_member, partnership_a, run_task):
    done = make_action(partnership=partnership_a, side="supplier", due_on=date(2020, 1, 1))
    coaching.complete_action(action=done, by=coach)
    make_action(partnership=partnership_a, side="supplier", due_on=timezone.localdate())
    run_task()
    assert mail.outbox == []


def test_without_accounts_on_the_owning_side_the_coaches_are_reminded(
    coach, partnership_a, run_task
):
    make_action(partnership=partnership_a, side="buyer", due_on=yesterday())
    run_task()
    assert mail.outbox[0].to == [coach.email]
    assert mail.outbox[0].cc == []
