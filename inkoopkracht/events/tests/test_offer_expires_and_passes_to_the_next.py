"""A waiting-list offer expires after EVENTS_OFFER_HOURS; the place then goes to the next.
The periodic task expires due offers, and so does anyone acting on the event."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from inkoopkracht.events import services
from inkoopkracht.events.models import Registration

from .factories import guest, make_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def offered(settings, committed):
    """A full event (1 place) whose place was freed: B has the offer, C waits."""
    settings.EVENTS_OFFER_HOURS = 6
    event = make_event(capacity=1, starts_in=timedelta(days=10))
    a, b, c = guest(event, 1), guest(event, 2), guest(event, 3)
    with committed():
        services.cancel_registration(registration=a, by=None)
    b.refresh_from_db()
    assert b.status == Status.OFFERED
    assert b.offer_expires_at == b.offered_at + timedelta(hours=6)
    return event, b, c


def test_the_periodic_task_expires_the_offer_and_offers_the_next(
    offered, mailoutbox, committed, capsys
):
    event, b, c = offered
    with time_machine.travel(timezone.now() + timedelta(hours=7), tick=False), committed():
        call_command("run_periodic")
    b.refresh_from_db()
    c.refresh_from_db()
    assert b.status == Status.EXPIRED
    assert c.status == Status.OFFERED
    subjects = {(m.to[0], m.subject.split(":")[0]) for m in mailoutbox}
    assert ("gast2@example.org", "Aanbod verlopen") in subjects
    assert ("gast3@example.org", "Er is een plaats voor u") in subjects
    assert "events.expire_offers" in capsys.readouterr().out


def test_running_it_again_changes_nothing(offered):
    event, b, c = offered
    later = timezone.now() + timedelta(hours=7)
    assert services.expire_due_offers(at=later) == 1
    assert services.expire_due_offers(at=later) == 0
    c.refresh_from_db()
    assert c.status == Status.OFFERED


def test_an_offer_inside_its_time_stays(offered):
    event, b, c = offered
    assert services.expire_due_offers(at=timezone.now() + timedelta(hours=5)) == 0
    b.refresh_from_db()
    assert b.status == Status.OFFERED


def test_someone_registering_expires_due_offers_first(offered):
    event, b, c = offered
    with time_machine.travel(timezone.now() + timedelta(hours=7), tick=False):
        d = guest(event, 4)
    b.refresh_from_db()
    c.refresh_from_db()
    assert (b.status, c.status, d.status) == (Status.EXPIRED, Status.OFFERED, Status.WAITING)


def test_an_offer_never_runs_past_the_start(settings):
    settings.EVENTS_OFFER_HOURS = 48
    event = make_event(capacity=1, starts_in=timedelta(hours=10))
    a, b = guest(event), guest(event)
    services.cancel_registration(registration=a, by=None)
    b.refresh_from_db()
    assert b.offer_expires_at == event.starts_at


def test_no_offers_once_the_event_has_started(settings):
    event = make_event(capacity=1, starts_in=timedelta(hours=2))
    guest(event)
    b = guest(event)
    with time_machine.travel(timezone.now() + timedelta(hours=3), tick=False):
        assert services.offer_free_places(event=event) == []
    b.refresh_from_db()
    assert b.status == Status.WAITING
