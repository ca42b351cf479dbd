"""Guests' name, email and organisation are removed EVENTS_GUEST_RETENTION_DAYS after the
event; the registration stays (for the event's figures) and members' registrations stay."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.events import tasks
from inkoopkracht.events.models import Registration

from .factories import guest, make_event, member

pytestmark = pytest.mark.django_db


def test_guests_are_anonymised_after_the_period(settings, buyer_member, partnership_a):
    settings.EVENTS_GUEST_RETENTION_DAYS = 90
    old = make_event(starts_in=timedelta(days=1))
    recent = make_event(starts_in=timedelta(days=60))
    old_guest, recent_guest = guest(old, 1), guest(recent, 2)
    member_registration = member(old, buyer_member, partnership_a)

    with time_machine.travel(timezone.now() + timedelta(days=92), tick=False):
        assert tasks.purge_guest_data.call() == 1
        assert tasks.purge_guest_data.call() == 0  # idempotent

    old_guest.refresh_from_db()
    assert (old_guest.name, old_guest.email, old_guest.organisation_name) == ("", "", "")
    assert old_guest.anonymised_at is not None
    assert old_guest.status == Registration.Status.CONFIRMED  # still counted for the event
    recent_guest.refresh_from_db()
    assert recent_guest.email == "gast2@example.org"
    member_registration.refresh_from_db()
    assert member_registration.email == buyer_member.email
    record = AuditRecord.objects.get(action="registration.guests_purged")
    assert record.data["count"] == 1
    # The audit log never held the guest's name: registrations are recorded by number.
    assert not AuditRecord.objects.filter(target_repr__contains="Gast 1").exists()
