"""Coaching notes and signed letters go two years after the proeftuin ended; agreements stay."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from inkoopkracht.partnerships.models import CoachingSession, Partnership
from inkoopkracht.partnerships.services import change_status
from inkoopkracht.partnerships.tasks import purge_closed_records
from inkoopkracht.partnerships.tests.factories import make_partnership

pytestmark = pytest.mark.django_db


def _session(partnership):
    return CoachingSession.objects.create(
        partnership=partnership,
        held_on=date(2020, 3, 1),
        kind=CoachingSession.Kind.KICKOFF,
        notes="Persoonlijke indruk van de contactpersoon",
        other_attendees="J. Jansen (jobcoach)",
        agreements="Werk analyseren voor 1 mei",
    )


def test_notes_of_a_long_closed_proeftuin_are_erased():
    old = make_partnership()
    change_status(partnership=old, status=Partnership.Status.ACTIVE, by=None, on=date(2019, 1, 1))
    change_status(
        partnership=old,
        status=Partnership.Status.COMPLETED,
        by=None,
        on=timezone.localdate() - timedelta(days=800),
    )
    running = make_partnership()
    old_session, running_session = _session(old), _session(running)

    assert purge_closed_records.call() == 1
    old_session.refresh_from_db()
    running_session.refresh_from_db()
    assert old_session.notes == ""
    assert old_session.other_attendees == ""
    assert old_session.agreements == "Werk analyseren voor 1 mei"
    assert running_session.notes
    assert purge_closed_records.call() == 0
