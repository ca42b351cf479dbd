"""Periodic work: expire offers, remind the day before, and remove personal data after its
retention period (docs/events.md, "Privacy and retention")."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from inkoopkracht import audit
from inkoopkracht.events.models import Event, Registration, Speaker

from .base import Status, _mail
from .registration import expire_offers

# --- Periodic work -----------------------------------------------------------------------


def expire_due_offers(*, at=None) -> int:
    """Expire every offer past its time, event by event (periodic task)."""
    now = at or timezone.now()
    event_ids = (
        Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
        .values_list("event_id", flat=True)
        .distinct()
    )
    return sum(expire_offers(event=Event(pk=pk), at=now) for pk in list(event_ids))


@transaction.atomic
def send_due_reminders(*, at=None) -> int:
    """Remind confirmed people the day before (``EVENTS_REMINDER_HOURS``); once each.

    People who registered inside that window just had their confirmation and get no reminder.
    """
    now = at or timezone.now()
    window = timedelta(hours=settings.EVENTS_REMINDER_HOURS)
    candidates = (
        Registration.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("event")
        .filter(
            status=Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            anonymised_at__isnull=True,
            event__status=Event.Status.PUBLISHED,
            event__starts_at__gt=now,
            event__starts_at__lte=now + window,
        )
    )
    due = [r for r in candidates if r.confirmed_at and r.confirmed_at <= r.event.starts_at - window]
    Registration.objects.filter(pk__in=[r.pk for r in due]).update(reminder_sent_at=now)
    for registration in due:
        _mail(registration, "reminder")
    if due:
        audit.record(actor=None, action="registration.reminders_sent", data={"count": len(due)})
    return len(due)


@transaction.atomic
def purge_registration_data(*, at=None) -> dict:
    """Empty the name, email and account link of registrations after their retention: guests
    ``EVENTS_GUEST_RETENTION_DAYS`` after the event, members ``EVENTS_MEMBER_RETENTION_DAYS``.
    The registration stays, without personal data, for the event's and the proeftuin's figures.
    """
    now = at or timezone.now()
    periods = {
        Registration.Kind.GUEST: settings.EVENTS_GUEST_RETENTION_DAYS,
        Registration.Kind.MEMBER: settings.EVENTS_MEMBER_RETENTION_DAYS,
    }
    counts = {}
    for kind, days in periods.items():
        counts[kind] = Registration.objects.filter(
            kind=kind, anonymised_at__isnull=True, event__ends_at__lte=now - timedelta(days=days)
        ).update(
            name="",
            email="",
            organisation_name="",
            user=None,
            registered_by=None,
            anonymised_at=now,
        )
    if any(counts.values()):
        audit.record(actor=None, action="registration.purged", data=counts)
    return counts


@transaction.atomic
def purge_speakers(*, at=None) -> int:
    """Delete ervaringsdeskundigen ``EVENTS_SPEAKER_RETENTION_DAYS`` after their last event
    (or, without events, after they were last changed)."""
    now = at or timezone.now()
    cutoff = now - timedelta(days=settings.EVENTS_SPEAKER_RETENTION_DAYS)
    speaking = Event.speakers.through.objects.filter(event__ends_at__gt=cutoff)
    stale = Speaker.objects.filter(updated_at__lte=cutoff).exclude(
        pk__in=speaking.values("speaker_id")
    )
    _total, deleted = stale.delete()
    count = deleted.get(Speaker._meta.label, 0)
    if count:
        audit.record(actor=None, action="speaker.purged", data={"count": count})
    return count
