"""The reminder goes the day before (EVENTS_REMINDER_HOURS) to everyone confirmed, once."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.events import services, tasks
from inkoopkracht.events.models import Registration

from .factories import guest, make_event

pytestmark = pytest.mark.django_db


def test_reminders_go_once_to_confirmed_people(mailoutbox, committed):
    event = make_event(capacity=1, starts_in=timedelta(days=3))
    confirmed, waiting = guest(event, 1), guest(event, 2)
    cancelled_event = make_event(starts_in=timedelta(days=3))
    other = guest(cancelled_event, 3)
    services.cancel_registration(registration=other, by=None)

    with time_machine.travel(timezone.now() + timedelta(days=1), tick=False), committed():
        assert services.send_due_reminders() == 0  # two days before: not yet

    with time_machine.travel(timezone.now() + timedelta(days=2, hours=1), tick=False):
        with committed():
            tasks.send_reminders.enqueue()
        with committed():
            tasks.send_reminders.enqueue()  # again: nothing new
    reminders = [m for m in mailoutbox if m.subject.startswith("Herinnering")]
    assert [m.to for m in reminders] == [[confirmed.email]]
    assert reminders[0].attachments[0][0] == "bijeenkomst.ics"
    assert "/bijeenkomsten/afmelden/" in reminders[0].body
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.reminder_sent_at is not None
    assert waiting.reminder_sent_at is None


def test_who_registers_within_the_last_day_gets_no_separate_reminder(mailoutbox, committed):
    event = make_event(starts_in=timedelta(hours=10))
    guest(event)
    with committed():
        assert services.send_due_reminders() == 0
    assert not [m for m in mailoutbox if m.subject.startswith("Herinnering")]
    assert Registration.objects.get().reminder_sent_at is None
