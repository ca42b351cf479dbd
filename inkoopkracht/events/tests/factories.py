"""Factories for the events tests (plain functions; every argument can be overridden)."""

import itertools
from datetime import timedelta

from django.utils import timezone

from inkoopkracht.events import services
from inkoopkracht.events.models import Event

_numbers = itertools.count(1)


def make_event(*, capacity=10, starts_in=timedelta(days=14), hours=3, **fields) -> Event:
    """A published public workshop, two weeks from now unless told otherwise."""
    n = next(_numbers)
    start = (timezone.now() + starts_in).replace(second=0, microsecond=0)
    defaults = {
        "kind": Event.Kind.WORKSHOP,
        "title": f"Workshop {n}",
        "summary": "Samen werk anders organiseren.",
        "starts_at": start,
        "ends_at": start + timedelta(hours=hours),
        "location": "Stadskantoor Utrecht",
        "capacity": capacity,
        "audience": Event.Audience.PUBLIC,
        "status": Event.Status.PUBLISHED,
    }
    defaults.update(fields)
    return services.create_event(by=None, **defaults)


def guest(event, n=None, *, accept_waiting_list=True, **fields):
    """Register guest ``n`` (a fresh one when not given)."""
    n = n if n is not None else next(_numbers)
    defaults = {
        "name": f"Gast {n}",
        "email": f"gast{n}@example.org",
        "organisation_name": "Bedrijf BV",
        "accept_waiting_list": accept_waiting_list,
    }
    defaults.update(fields)
    return services.register_guest(event=event, **defaults)


def member(event, user, partnership, *, organisation=None, **fields):
    """Register ``user`` (a member of ``organisation``) for ``partnership``."""
    organisation = organisation or user.contacts.first().organisation
    defaults = {"name": user.get_full_name() or user.email, "email": user.email, "user": user}
    defaults.update(fields)
    return services.register_member(
        event=event, partnership=partnership, organisation=organisation, by=user, **defaults
    )
