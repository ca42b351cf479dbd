"""iCalendar files (``icalendar``): the attachment of a confirmation and the public feed."""

from datetime import date
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from .models import Event

PRODUCT_ID = "-//Inkoopkracht//Bijeenkomsten//NL"


def _uid(event: Event) -> str:
    host = urlsplit(settings.SITE_URL).hostname or "inkoopkracht"
    return f"bijeenkomst-{event.pk}@{host}"


def _event_url(event: Event) -> str:
    return settings.SITE_URL + reverse("events:detail", args=[event.slug])


def _component(event: Event, *, private: bool) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", _uid(event))
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("dtstart", timezone.localtime(event.starts_at))
    component.add("dtend", timezone.localtime(event.ends_at))
    component.add("summary", event.title)
    description = f"{event.summary}\n\n{_event_url(event)}"
    if private and event.online_url:
        description += f"\n\nOnline: {event.online_url}"
    component.add("description", description)
    component.add("url", _event_url(event))
    # The online link is for registered people only: never in the public feed.
    location = event.location or (event.online_url if private else "Online")
    component.add("location", location)
    component.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return component


def calendar_for(events, *, name: str = "", private: bool = False) -> bytes:
    """One VCALENDAR (method PUBLISH) with a VEVENT per event, times in Europe/Amsterdam.

    ``private``: for someone registered (the mail attachment), with the online link.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    dates = []
    for event in events:
        calendar.add_component(_component(event, private=private))
        dates.append(timezone.localdate(event.starts_at))
    if dates:
        calendar.add_missing_timezones(
            first_date=date(min(dates).year - 1, 1, 1), last_date=date(max(dates).year + 2, 1, 1)
        )
    return calendar.to_ical()
