"""The team invites a contact to Mijn proeftuin from the back office, or revokes the access."""

import re

import pytest

from inkoopkracht.organisations import services
from inkoopkracht.partnerships.tests.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    organisation = make_organisation(name="Schoonmaak Test")
    return services.add_contact(
        organisation=organisation, by=None, name="Bas de Boer", email="bas@test.example"
    )


def test_team_invites_a_contact(
    client_for, programme_admin, contact, mailoutbox, django_capture_on_commit_callbacks
):
    client = client_for(programme_admin)
    edit = client.get(f"/beheer/contactpersonen/edit/{contact.pk}/").content.decode()
    assert "Uitnodigen voor Mijn proeftuin" in edit
    confirm = client.get(f"/beheer/contactpersonen/toegang/{contact.pk}/")
    assert "eenmalige link" in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/beheer/contactpersonen/toegang/{contact.pk}/")
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.user.email == "bas@test.example"
    assert re.search(r"/account/uitnodiging/", mailoutbox[-1].body)


def test_team_revokes_access(client_for, programme_admin, contact):
    services.grant_portal_access(contact=contact, by=None, send_invitation=False)
    from inkoopkracht.accounts.services import change_password

    change_password(user=contact.user, password="een-lang-wachtwoord-42")
    user = contact.user
    client = client_for(programme_admin)
    client.post(f"/beheer/contactpersonen/toegang/{contact.pk}/")
    contact.refresh_from_db()
    user.refresh_from_db()
    assert contact.user is None
    assert not user.is_active


def test_members_cannot_invite(client_for, supplier_member, contact):
    response = client_for(supplier_member).post(f"/beheer/contactpersonen/toegang/{contact.pk}/")
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]
    contact.refresh_from_db()
    assert contact.user is None
