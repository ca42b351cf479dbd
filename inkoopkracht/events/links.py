"""Signed links in mails: cancel a registration, answer an offer, open the materials.

A link carries the registration's id and creation time, signed with Django's
``TimestampSigner`` (``django.core.signing``) and a salt per purpose, so a cancellation link
cannot be used to accept an offer. A link older than ``EVENTS_LINK_MAX_AGE_DAYS`` is expired.
Opening a link never changes anything: the page asks for a confirmation (a POST), which mail
scanners that follow links do not send. A used link finds the registration in its new state and
says so; it changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Registration

CANCEL = "cancel"
OFFER = "offer"
MATERIALS = "materials"
_URL_NAMES = {CANCEL: "events:cancel", OFFER: "events:offer", MATERIALS: "events:materials"}


class LinkError(Exception):
    """A link that cannot be used; the message is for the visitor (Dutch)."""


def _salt(purpose: str) -> str:
    return f"inkoopkracht.events.{purpose}"


def make_token(registration: Registration, purpose: str) -> str:
    payload = [registration.pk, int(registration.created_at.timestamp())]
    return signing.dumps(payload, salt=_salt(purpose))


def link(registration: Registration, purpose: str) -> str:
    """The absolute URL of a signed link, for mails."""
    path = reverse(_URL_NAMES[purpose], args=[make_token(registration, purpose)])
    return settings.SITE_URL + path


def path(registration: Registration, purpose: str) -> str:
    """The site-relative URL of a signed link, for pages of logged-in members."""
    return reverse(_URL_NAMES[purpose], args=[make_token(registration, purpose)])


def read_token(token: str, purpose: str) -> Registration:
    """The registration a link is about, or ``LinkError`` with a Dutch message."""
    max_age = timedelta(days=settings.EVENTS_LINK_MAX_AGE_DAYS)
    try:
        pk, created = signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired:
        raise LinkError(
            _(
                "Deze link is verlopen. Neem contact op met het programmateam als u nog iets "
                "wilt wijzigen."
            )
        ) from None
    except (signing.BadSignature, TypeError, ValueError):
        raise LinkError(
            _(
                "Deze link is ongeldig. Controleer of u de volledige link uit de e-mail hebt "
                "gebruikt."
            )
        ) from None
    registration = Registration.objects.select_related("event", "partnership").filter(pk=pk).first()
    if (
        registration is None
        or registration.anonymised_at is not None
        or int(registration.created_at.timestamp()) != created
    ):
        raise LinkError(_("Deze aanmelding bestaat niet meer."))
    return registration
