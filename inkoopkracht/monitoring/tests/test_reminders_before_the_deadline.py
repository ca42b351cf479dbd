"""Reminders: suppliers of active proeftuinen get one mail before the deadline of the last
quarter's report, unless it is in already (a periodic task, idempotent)."""

from datetime import UTC, datetime

import pytest
from django.core import mail

from inkoopkracht.monitoring import services, tasks
from inkoopkracht.monitoring.models import ReportingRound, RoundEvent
from inkoopkracht.monitoring.periods import Period
from inkoopkracht.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def active(partnership_a, supplier_member):
    Partnership.objects.filter(pk=partnership_a.pk).update(
        status=Partnership.Status.ACTIVE, started_on="2025-01-01"
    )
    return partnership_a


def test_a_reminder_goes_out_once_in_the_week_before_the_deadline(
    active, supplier_member, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(
        datetime(2026, 10, 26, 9, tzinfo=UTC)
    )  # the third quarter is due on 30 October
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reporting_reminders.call() == 1
    assert [m.to for m in mail.outbox] == [[supplier_member.email]]
    assert "Herinnering" in mail.outbox[0].subject
    assert ReportingRound.objects.get().events.filter(action=RoundEvent.Action.REMINDED).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reporting_reminders.call() == 0
    assert len(mail.outbox) == 1


def test_no_reminder_outside_the_window_or_when_submitted(active, supplier_member, time_machine):
    time_machine.move_to(datetime(2026, 10, 10, 9, tzinfo=UTC))
    assert services.send_due_reminders() == 0
    time_machine.move_to(datetime(2026, 10, 26, 9, tzinfo=UTC))
    reporting_round = services.open_round(
        partnership=active, period=Period(2026, 3), by=supplier_member
    )
    services.submit_round(reporting_round=reporting_round, by=supplier_member, notify=False)
    assert services.send_due_reminders() == 0
    time_machine.move_to(datetime(2026, 11, 2, 9, tzinfo=UTC))
    assert services.send_due_reminders() == 0
