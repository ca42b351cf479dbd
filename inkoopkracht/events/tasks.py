"""Background work of the events app: registration mails and the periodic jobs.

Periodic (``inkoopkracht run_periodic``, every 15 minutes): expire waiting-list offers, send
reminders the day before, and remove personal data after its retention period.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from inkoopkracht.lib.mail import send_templated_mail
from inkoopkracht.lib.periodic import periodic

from . import links, services
from .ical import calendar_for
from .models import Registration

# Mail templates (events/email/<name>*.txt/html) and whether they carry the calendar file.
MESSAGES = {
    "confirmed": True,
    "waiting": False,
    "offered": False,
    "offer_expired": False,
    "cancelled": False,
    "reminder": True,
    "follow_up": False,
    "event_cancelled": False,
}


def mail_context(registration: Registration) -> dict:
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "starts_at": timezone.localtime(event.starts_at),
        "ends_at": timezone.localtime(event.ends_at),
        "event_url": settings.SITE_URL + reverse("events:detail", args=[event.slug]),
        "programme_email": settings.PROGRAMME_EMAIL,
    }
    if registration.is_active:
        context["cancel_url"] = links.link(registration, links.CANCEL)
    if registration.status == Registration.Status.OFFERED:
        context["offer_url"] = links.link(registration, links.OFFER)
        context["offer_expires_at"] = timezone.localtime(registration.offer_expires_at)
    if registration.status == Registration.Status.WAITING:
        context["position"] = registration.waiting_position()
    return context


@task()
def send_registration_mail(*, registration_id: int, message: str) -> None:
    """One mail about one registration (see MESSAGES); nothing for an anonymised guest."""
    registration = (
        Registration.objects.select_related("event", "partnership", "organisation")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or not registration.email or message not in MESSAGES:
        return
    context = mail_context(registration)
    if message == "follow_up":
        context["materials_url"] = links.link(registration, links.MATERIALS)
        context["materials"] = list(registration.event.materials.all())
    attachments = []
    if MESSAGES[message]:
        attachments = [
            ("bijeenkomst.ics", calendar_for([registration.event], private=True), "text/calendar")
        ]
    send_templated_mail(
        f"events/email/{message}",
        to=[registration.email],
        context=context,
        attachments=attachments,
        reply_to=[settings.PROGRAMME_EMAIL],
    )


@periodic("events.expire_offers")
@task()
def expire_offers() -> int:
    """Offers from the waiting list past their time expire; the place goes to the next."""
    return services.expire_due_offers()


@periodic("events.send_reminders")
@task()
def send_reminders() -> int:
    """The reminder the day before, once per registration."""
    return services.send_due_reminders()


@periodic("events.purge_registration_data")
@task()
def purge_registration_data() -> dict:
    """Name, email and account link of registrations go after their retention period."""
    return services.purge_registration_data()


@periodic("events.purge_speakers")
@task()
def purge_speakers() -> int:
    """Ervaringsdeskundigen go EVENTS_SPEAKER_RETENTION_DAYS after their last event."""
    return services.purge_speakers()
