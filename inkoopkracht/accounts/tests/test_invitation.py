"""Invitations: a one-time link to choose a password, that expires."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from inkoopkracht.organisations import services as organisations
from inkoopkracht.partnerships.tests.factories import make_organisation

pytestmark = pytest.mark.django_db


PASSWORD = "mijn-eigen-wachtwoord-1"


def test_invited_contact_chooses_a_password_and_logs_in(
    client, mailoutbox, programme_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = make_organisation(name="Schoonmaak Testbedrijf")
        contact = organisations.add_contact(
            organisation=organisation,
            by=programme_admin,
            name="Ilse Mulder",
            email="ilse@test.example",
        )
        organisations.grant_portal_access(contact=contact, by=programme_admin)
    mail = mailoutbox[-1]
    assert mail.to == ["ilse@test.example"]
    assert "Schoonmaak Testbedrijf" in mail.body
    link = re.search(r"http://\S+?(/account/uitnodiging/\S+)", mail.body).group(1)
    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response["Location"] == reverse("accounts:login")
    client.post(reverse("accounts:login"), {"username": "ilse@test.example", "password": PASSWORD})
    assert client.get(reverse("partnerships:portal")).status_code == 200


def _invitation_link(mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = make_organisation()
        contact = organisations.add_contact(
            organisation=organisation, by=None, name="Ilse Mulder", email="ilse@test.example"
        )
        organisations.grant_portal_access(contact=contact, by=None)
    return re.search(r"http://\S+?(/account/uitnodiging/\S+)", mailoutbox[-1].body).group(1)


def test_invitation_link_cannot_be_reused(client, mailoutbox, django_capture_on_commit_callbacks):
    link = _invitation_link(mailoutbox, django_capture_on_commit_callbacks)
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    again = client.get(link)
    assert again.status_code == 400
    assert "niet (meer) geldig" in again.content.decode()


def test_invitation_link_expires(client, mailoutbox, settings, django_capture_on_commit_callbacks):
    link = _invitation_link(mailoutbox, django_capture_on_commit_callbacks)
    later = timezone.now() + timedelta(days=settings.INVITATION_TIMEOUT_DAYS + 1)
    with time_machine.travel(later, tick=False):
        response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 400


def test_tampered_link_is_refused(client, mailoutbox, django_capture_on_commit_callbacks):
    link = _invitation_link(mailoutbox, django_capture_on_commit_callbacks)
    assert client.get(link[:-3] + "abc/").status_code == 400


def test_mismatched_passwords_keep_the_form(client, mailoutbox, django_capture_on_commit_callbacks):
    link = _invitation_link(mailoutbox, django_capture_on_commit_callbacks)
    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD + "x"})
    assert response.status_code == 200
    assert "De twee wachtwoordvelden komen niet overeen" in response.content.decode()
