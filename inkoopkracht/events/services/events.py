"""Events and speakers, written from the back office (and the demo)."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from inkoopkracht import audit
from inkoopkracht.events.models import RESERVED_SLUGS, Event, EventMaterial, Speaker

from .base import EventError, _locked_event, _mail
from .registration import _offer_free_places

# --- Events and speakers (back office) ---------------------------------------------------


@transaction.atomic
def create_event(*, by, speakers=(), **fields) -> Event:
    """Create an event (validated like the back-office form); the slug is made when empty."""
    event = Event(**fields)
    if not event.slug:
        event.slug = unique_slug(event)
    event.full_clean()
    event.speakers.set(speakers)  # parental many-to-many: written by save()
    event.save()
    audit.record(actor=by, action="event.created", target=event)
    return event


@transaction.atomic
def create_speaker(*, by, **fields) -> Speaker:
    """Create an ervaringsdeskundige (validated: their proeftuin must include their
    organisation)."""
    speaker = Speaker(**fields)
    speaker.full_clean()
    speaker.save()
    audit.record(actor=by, action="speaker.created", target=speaker)
    return speaker


@transaction.atomic
def save_event_form(*, form, by, at=None) -> Event:
    """Save the back-office form. The capacity never drops below the places already held; a
    higher capacity offers places to the waiting list; cancelling the event informs everyone."""
    now = at or timezone.now()
    event = form.instance
    creating = event._state.adding
    previous = None
    if not creating:
        previous = _locked_event(event.pk)
        held = previous.registrations.holding_place().count()
        if event.capacity < held:
            raise EventError(
                _("Er zijn al %(held)s plaatsen bezet; minder plaatsen kan niet.") % {"held": held}
            )
    if not event.slug:
        event.slug = unique_slug(event)
    event = form.save()
    audit.record(
        actor=by,
        action="event.created" if creating else "event.changed",
        target=event,
        data={} if creating else {"fields": sorted(form.changed_data)},
    )
    if previous is not None and event.is_cancelled and not previous.is_cancelled:
        _inform_cancelled(event, by)
    elif previous is not None:
        _offer_free_places(event, now)
    return event


def _inform_cancelled(event: Event, by) -> None:
    active = list(event.registrations.active())
    for registration in active:
        _mail(registration, "event_cancelled")
    audit.record(actor=by, action="event.cancelled", target=event, data={"informed": len(active)})


def unique_slug(event: Event) -> str:
    """A free slug from the title and the (local) date; never one of the site's own paths."""
    start = timezone.localdate(event.starts_at) if event.starts_at else timezone.localdate()
    base = slugify(f"{event.title} {start:%Y-%m-%d}")[:70].strip("-") or "bijeenkomst"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exclude(pk=event.pk).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def add_material(*, event: Event, title: str, file, by) -> EventMaterial:
    """Attach a file for the attendees (the back office does this in the event form)."""
    material = EventMaterial(event=event, title=title, file=file)
    material.full_clean()
    material.save()
    audit.record(actor=by, action="event.changed", target=event, data={"material": title})
    return material


@transaction.atomic
def add_speaker(*, event: Event, speaker, by) -> Event:
    """Add an ervaringsdeskundige to an event (from the suggestions)."""
    if event.speakers.filter(pk=speaker.pk).exists():
        raise EventError(_("%(name)s spreekt al op deze bijeenkomst.") % {"name": speaker.name})
    event.speakers.add(speaker)
    event.save()  # parental many-to-many fields (modelcluster) are written by save()
    audit.record(
        actor=by, action="event.speaker_added", target=event, data={"speaker": speaker.name}
    )
    return event
