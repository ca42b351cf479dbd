"""Spam protection: honeypot, minimum fill-in time (signed stamp), rate limit per client address."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake.models import Application, InformationRequest, SubmissionAttempt
from inkoopkracht.intake.spam import issue_token

from .factories import application_form_data, started_token

pytestmark = pytest.mark.django_db

URL = "/aanmelden/?als=samen"


def test_the_honeypot_is_out_of_sight_and_out_of_the_tab_order(client):
    html = client.get(URL).content.decode()
    assert '<div class="intake-honeypot" aria-hidden="true">' in html
    assert 'name="website"' in html
    assert 'tabindex="-1"' in html


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, mailoutbox):
    response = client.post(URL, application_form_data(website="https://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/aanmelden/ontvangen/"
    assert not Application.objects.exists()
    assert mailoutbox == []
    record = AuditRecord.objects.get(action="application.blocked")
    assert record.result == AuditRecord.Result.DENIED
    assert (
        "Wij hebben uw aanmelding ontvangen" in client.get("/aanmelden/ontvangen/").content.decode()
    )


def test_a_form_sent_back_too_fast_is_refused_with_the_input_kept(client, settings):
    settings.INTAKE_MIN_FILL_SECONDS = 30
    data = application_form_data(started=started_token(seconds_ago=3), buyer_contact_name="Anna")
    response = client.post(URL, data)
    html = response.content.decode()
    assert "U hebt het formulier wel erg snel verstuurd" in html
    assert 'value="Anna"' in html
    assert f'value="{data["started"]}"' in html  # the original stamp: waiting is enough
    assert not Application.objects.exists()


def test_a_missing_or_forged_stamp_is_renewed(client):
    for started in ("", "123:forged:signature"):
        response = client.post(URL, application_form_data(started=started))
        html = response.content.decode()
        assert "Dit formulier is verlopen of niet compleet geladen" in html
        assert f'name="started" value="{started}"' not in html
    assert not Application.objects.exists()


def test_a_stamp_older_than_a_day_counts_as_expired(client, settings):
    old = timezone.now() - timedelta(hours=settings.INTAKE_FORM_MAX_AGE_HOURS + 1)
    with time_machine.travel(old, tick=False):
        started = issue_token()
    response = client.post(URL, application_form_data(started=started))
    assert "Dit formulier is verlopen" in response.content.decode()


def test_the_rate_limit_holds_per_address_and_stores_no_address(client, settings):
    settings.INTAKE_RATE_LIMIT = 2
    for _n in range(2):
        assert client.post(URL, application_form_data("samen")).status_code == 302
    response = client.post(URL, application_form_data("samen", buyer_contact_name="Derde"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Vanaf uw internetadres is de afgelopen tijd al vaak een formulier verstuurd" in html
    assert 'value="Derde"' in html
    assert Application.objects.count() == 2
    assert not SubmissionAttempt.objects.filter(client_hash__contains="127.0.0.1").exists()

    other = client.post(URL, application_form_data("samen"), REMOTE_ADDR="192.0.2.10")
    assert other.status_code == 302
    later = timezone.now() + timedelta(minutes=settings.INTAKE_RATE_LIMIT_WINDOW_MINUTES + 1)
    with time_machine.travel(later, tick=False):
        data = application_form_data("samen")
        assert client.post(URL, data).status_code == 302


def test_the_request_forms_are_protected_too(client, settings):
    settings.INTAKE_RATE_LIMIT = 1
    data = {
        "name": "Petra",
        "email": "petra@example.org",
        "topic": "programma",
        "question": "Hoe werkt het?",
        "consent": "on",
        "started": started_token(),
    }
    assert client.post("/aanvragen/", {**data, "website": "x"}).status_code == 302
    assert not InformationRequest.objects.exists()
    assert client.post("/aanvragen/", data).status_code == 429  # the honeypot hit counted
