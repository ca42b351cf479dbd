"""Every change to registrations: one transaction, an audit record, a Dutch error, mail on commit.

The rules of places (see docs/events.md): a registration holds a place while it is confirmed or
while a place is offered to it. Whoever changes the places of an event first locks the event row
(``select_for_update`` on PostgreSQL; on SQLite every write transaction is IMMEDIATE, so writers
queue), so that two requests can never both take the last place. People on the waiting list get
a freed place offered in turn; an offer expires after ``EVENTS_OFFER_HOURS`` and then goes to
the next. Due offers are expired by a periodic task and also whenever someone acts on the event.
"""

from .base import EventError, quiet
from .events import (
    add_material,
    add_speaker,
    create_event,
    create_speaker,
    save_event_form,
    unique_slug,
)
from .periodic import (
    expire_due_offers,
    purge_registration_data,
    purge_speakers,
    send_due_reminders,
)
from .registration import (
    accept_offer,
    cancel_registration,
    decline_offer,
    expire_offers,
    offer_free_places,
    record_attendance,
    register_guest,
    register_member,
    send_follow_up,
)

__all__ = [
    "EventError",
    "accept_offer",
    "add_material",
    "add_speaker",
    "cancel_registration",
    "create_event",
    "create_speaker",
    "decline_offer",
    "expire_due_offers",
    "expire_offers",
    "offer_free_places",
    "purge_registration_data",
    "purge_speakers",
    "quiet",
    "record_attendance",
    "register_guest",
    "register_member",
    "save_event_form",
    "send_due_reminders",
    "send_follow_up",
    "unique_slug",
]
