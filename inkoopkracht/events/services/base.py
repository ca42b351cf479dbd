"""Shared pieces of the services: the domain error, the actor, mail after commit, row locks."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction

from inkoopkracht.events.models import Event, Registration

Status = Registration.Status


class EventError(Exception):
    """A change that cannot be made; the message is for the user (Dutch)."""


def _user(by):
    return by if getattr(by, "is_authenticated", False) else None


def _is_staff(by) -> bool:
    return bool(_user(by)) and by.is_programme_staff


def _actor(by, fallback: str):
    """Who acted: the logged-in user, else a description (a guest, a link from a mail)."""
    return _user(by) or fallback


_quiet = ContextVar("events_quiet", default=False)


@contextmanager
def quiet():
    """Load history without mailing anyone (the demo loader, imports of past events)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def _mail(registration: Registration, message: str) -> None:
    """Send one of the registration mails after the transaction commits."""
    from inkoopkracht.events.tasks import send_registration_mail

    if _quiet.get():
        return

    pk = registration.pk
    transaction.on_commit(
        lambda: send_registration_mail.enqueue(registration_id=pk, message=message)
    )


def _locked_event(event_id: int) -> Event:
    return Event.objects.select_for_update().get(pk=event_id)


def _locked_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().get(pk=registration.pk)
