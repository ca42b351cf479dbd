"""The demo has past events with attendance, upcoming ones, and one full with a waiting list,
with registrations of the demo members; loading twice changes nothing."""

import pytest
from django.core.management import call_command

from inkoopkracht.events.models import Event, Registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_demo_events(mailoutbox):
    call_command("load_demo")
    past = Event.objects.past().filter(status=Event.Status.PUBLISHED)
    assert past.count() >= 3
    assert Registration.objects.filter(
        event__in=past, attendance=Registration.Attendance.ATTENDED
    ).exists()
    assert Event.objects.upcoming().filter(status=Event.Status.PUBLISHED).count() >= 3
    full = Event.objects.with_counts().get(slug="workshop-werk-analyseren")
    assert full.places_held == full.capacity
    assert full.waiting_count >= 2
    femke = Registration.objects.filter(email="femke.dekker@zandhoven.example")
    ruben = Registration.objects.filter(email="ruben.jansen@helderwerk.example")
    assert femke.filter(event=full, status=Status.CONFIRMED).exists()
    assert ruben.filter(event=full, status=Status.WAITING).exists()
    assert femke.filter(event__in=past).exists()
    assert ruben.filter(event__in=past).exists()
    assert not mailoutbox  # the demo mails nobody

    counts = (Event.objects.count(), Registration.objects.count())
    call_command("load_demo")
    assert (Event.objects.count(), Registration.objects.count()) == counts
