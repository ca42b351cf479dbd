"""Personal data of registrations goes after its retention: guests EVENTS_GUEST_RETENTION_DAYS
after the event, members EVENTS_MEMBER_RETENTION_DAYS; the registration stays for the figures.
Ervaringsdeskundigen go EVENTS_SPEAKER_RETENTION_DAYS after their last event."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.events import services, tasks
from inkoopkracht.events.models import Registration, Speaker
from inkoopkracht.events.participation import participation_for

from .factories import guest, make_event, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def periods(settings):
    settings.EVENTS_GUEST_RETENTION_DAYS = 90
    settings.EVENTS_MEMBER_RETENTION_DAYS = 730
    settings.EVENTS_SPEAKER_RETENTION_DAYS = 730


def test_guests_are_anonymised_after_their_period(periods, buyer_member, partnership_a):
    old = make_event(starts_in=timedelta(days=1))
    recent = make_event(starts_in=timedelta(days=60))
    old_guest, recent_guest = guest(old, 1), guest(recent, 2)
    member_registration = member(old, buyer_member, partnership_a)

    with time_machine.travel(timezone.now() + timedelta(days=92), tick=False):
        assert tasks.purge_registration_data.call() == {"gast": 1, "deelnemer": 0}
        assert tasks.purge_registration_data.call() == {"gast": 0, "deelnemer": 0}

    old_guest.refresh_from_db()
    assert (old_guest.name, old_guest.email, old_guest.organisation_name) == ("", "", "")
    assert old_guest.anonymised_at is not None
    assert old_guest.status == Registration.Status.CONFIRMED  # still counted for the event
    recent_guest.refresh_from_db()
    assert recent_guest.email == "gast2@example.org"
    member_registration.refresh_from_db()
    assert member_registration.email == buyer_member.email
    record = AuditRecord.objects.get(action="registration.purged")
    assert record.data == {"gast": 1, "deelnemer": 0}
    # The audit log never held the guest's name: registrations are recorded by number.
    assert not AuditRecord.objects.filter(target_repr__contains="Gast 1").exists()


def test_members_are_anonymised_later_and_participation_stays(periods, buyer_member, partnership_a):
    event = make_event(starts_in=timedelta(hours=1))
    registration = member(event, buyer_member, partnership_a)
    services.record_attendance(
        registration=registration, attendance="aanwezig", by=None, at=event.starts_at
    )
    day = timezone.localdate(event.starts_at)
    with time_machine.travel(timezone.now() + timedelta(days=400), tick=False):
        assert services.purge_registration_data()["deelnemer"] == 0
    with time_machine.travel(timezone.now() + timedelta(days=732), tick=False):
        assert services.purge_registration_data()["deelnemer"] == 1
    registration.refresh_from_db()
    assert (registration.name, registration.email, registration.user) == ("", "", None)
    figures = participation_for([partnership_a], start=day, end=day)[partnership_a.pk]
    assert figures.events == 1
    assert figures.buyer_events == 1


def test_speakers_go_two_years_after_their_last_event(periods, partnership_a):
    quiet_speaker = services.create_speaker(by=None, name="Oud", organisation_name="X")
    active = services.create_speaker(by=None, name="Actief", organisation_name="Y")
    make_event(starts_in=timedelta(days=700), speakers=[active])
    with time_machine.travel(timezone.now() + timedelta(days=731), tick=False):
        assert tasks.purge_speakers.call() == 1
        assert tasks.purge_speakers.call() == 0
    assert list(Speaker.objects.values_list("name", flat=True)) == ["Actief"]
    assert not Speaker.objects.filter(pk=quiet_speaker.pk).exists()
    assert AuditRecord.objects.filter(action="speaker.purged").exists()
