"""The same application sent twice (same organisations and contact addresses) is not stored twice."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.intake.models import Application

from .factories import application_form_data, started_token

pytestmark = pytest.mark.django_db

URL = "/aanmelden/?als=samen"


def test_a_second_identical_application_gets_a_clear_message(client):
    data = application_form_data("samen")
    assert client.post(URL, data).status_code == 302
    first = Application.objects.get()

    again = {
        **data,
        "motivation": "Nog een keer, iets anders verwoord.",
        "started": started_token(),
    }
    again["buyer_contact_email"] = again["buyer_contact_email"].upper()  # same address
    again["supplier_identifier"] = "87.65.43.21"  # same number, typed differently
    response = client.post(URL, again)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Deze aanmelding hebben wij al ontvangen op" in html
    assert first.reference in html
    assert "U hoeft niets opnieuw te sturen" in html
    assert "Nog een keer, iets anders verwoord.</textarea>" in html
    assert Application.objects.count() == 1


def test_other_contacts_or_a_later_attempt_are_new_applications(client, settings):
    data = application_form_data("samen")
    client.post(URL, data)
    other_contact = {**data, "supplier_contact_email": "iemand.anders@schoonmaak.example",
                     "started": started_token()}  # fmt: skip
    assert client.post(URL, other_contact).status_code == 302

    later = timezone.now() + timedelta(days=settings.INTAKE_DUPLICATE_WINDOW_DAYS + 1)
    with time_machine.travel(later, tick=False):
        assert client.post(URL, {**data, "started": started_token()}).status_code == 302
    assert Application.objects.count() == 3
