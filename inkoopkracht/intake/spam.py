"""Spam protection for the public forms, without third parties and without JavaScript.

Three layers (docs/intake.md):

- a honeypot field that people never see or reach with the keyboard, but bots fill in;
- a minimum fill-in time: the form carries a signed timestamp (``django.core.signing``) of when
  it was shown; a submission that comes back faster than ``INTAKE_MIN_FILL_SECONDS`` is refused
  with a message, and a missing, forged or day-old stamp gets a fresh one;
- a rate limit per client address, counted in the database (``SubmissionAttempt``) so that it
  holds across several app servers; the address is stored only as a keyed hash.
"""

import time
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .exceptions import TooManySubmissions
from .models import SubmissionAttempt

SALT = "inkoopkracht.intake.form-started"
HONEYPOT_FIELD = "website"
STARTED_FIELD = "started"


def issue_token() -> str:
    """A signed stamp of 'now', to put in the form when it is shown."""
    return signing.TimestampSigner(salt=SALT).sign(str(int(time.time())))


def token_age(token: str) -> float | None:
    """Seconds since the token was issued; None when it is missing, forged or too old."""
    max_age = settings.INTAKE_FORM_MAX_AGE_HOURS * 3600
    try:
        issued = int(signing.TimestampSigner(salt=SALT).unsign(token or "", max_age=max_age))
    except (signing.BadSignature, ValueError):
        return None
    return time.time() - issued


def client_hash(address: str | None) -> str:
    """A keyed hash of the client address: enough to count, useless to anyone without the key."""
    return salted_hmac("inkoopkracht.intake.client", address or "unknown").hexdigest()


def count_attempt(scope: str, client_address: str | None, now) -> None:
    """Refuse when this address sent INTAKE_RATE_LIMIT times in the window; else count this one.

    Called by the submitting services, inside their transaction (a refused or rolled-back
    submission does not count).
    """
    window = timedelta(minutes=settings.INTAKE_RATE_LIMIT_WINDOW_MINUTES)
    key = client_hash(client_address)
    recent = SubmissionAttempt.objects.filter(
        scope=scope, client_hash=key, created_at__gt=now - window
    ).count()
    if recent >= settings.INTAKE_RATE_LIMIT:
        raise TooManySubmissions(
            gettext(
                "Vanaf uw internetadres is de afgelopen tijd al vaak een formulier verstuurd. "
                "Probeer het later opnieuw of mail ons op %(email)s."
            )
            % {"email": settings.PROGRAMME_EMAIL}
        )
    SubmissionAttempt.objects.create(scope=scope, client_hash=key, created_at=now)


class SpamProtectedForm(forms.Form):
    """Adds the honeypot and the fill-in timer to a public form.

    Templates render the honeypot inside ``includes/honeypot.html`` (hidden from sight, from
    the keyboard and from screen readers) and leave it out of the visible field groups.
    """

    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        if data is None:
            self.initial[STARTED_FIELD] = issue_token()

    @property
    def is_bot(self) -> bool:
        """True when the honeypot was filled in: the view drops the submission quietly."""
        return self.is_bound and bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean(self):
        cleaned = super().clean()
        age = token_age(self.data.get(STARTED_FIELD, ""))
        if age is None:
            self._renew_token()
            raise forms.ValidationError(
                _(
                    "Dit formulier is verlopen of niet compleet geladen. Uw gegevens staan er "
                    "nog; controleer ze en verstuur het formulier opnieuw."
                ),
                code="stale_form",
            )
        if age < settings.INTAKE_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "U hebt het formulier wel erg snel verstuurd. Controleer uw gegevens en "
                    "verstuur het formulier opnieuw."
                ),
                code="too_fast",
            )
        return cleaned

    def _renew_token(self) -> None:
        self.data = self.data.copy()
        self.data[STARTED_FIELD] = issue_token()
