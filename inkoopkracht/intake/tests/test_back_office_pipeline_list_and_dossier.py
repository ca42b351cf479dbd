"""The pipeline in the back office: counts per status, filters, the dossier and its actions."""

import pytest

from inkoopkracht.intake import services
from inkoopkracht.intake.models import Application

from .factories import make_application

pytestmark = pytest.mark.django_db
Status = Application.Status
INDEX = "/beheer/aanmeldingen/"


@pytest.fixture
def admin_client(client_for, programme_admin):
    return client_for(programme_admin)


def _pipeline():
    applications = [make_application() for _n in range(3)]
    make_application(kind=Application.Kind.SUPPLIER)
    services.change_status(application=applications[0], status=Status.IN_CONTACT, by=None)
    services.change_status(
        application=applications[1], status=Status.ON_HOLD, by=None, note="Wacht op budget"
    )
    return applications


def test_the_list_shows_counts_per_status_in_few_queries(
    admin_client, django_assert_max_num_queries
):
    _pipeline()
    for _n in range(10):
        make_application()
    with django_assert_max_num_queries(25):
        response = admin_client.get(INDEX)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-label="Aantal aanmeldingen per status"' in html
    assert "Nieuw <strong>12</strong>" in html
    assert "In contact <strong>1</strong>" in html
    assert "On hold <strong>1</strong>" in html
    assert "Alle <strong>14</strong>" in html
    assert "Dagen in status" in html


def test_the_list_filters_by_status_and_kind(admin_client):
    applications = _pipeline()
    html = admin_client.get(INDEX, {"status": Status.ON_HOLD}).content.decode()
    assert applications[1].reference in html
    assert applications[0].reference not in html
    html = admin_client.get(INDEX, {"kind": Application.Kind.SUPPLIER}).content.decode()
    assert "Leverancier die een opdrachtgever zoekt" in html
    assert applications[0].reference not in html


def test_the_dossier_shows_what_was_sent_escaped(admin_client):
    application = make_application(motivation="<b>Vet</b> en <script>x()</script>")
    html = admin_client.get(f"{INDEX}inspect/{application.pk}/").content.decode()
    party = application.sorted_parties[0]
    assert party.organisation_name in html
    assert party.contact_email in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>x()" not in html
    assert "Accepteren en proeftuin starten" in html


def test_the_team_changes_status_owner_and_notes_in_the_dossier(admin_client, coach):
    application = make_application()
    url = f"{INDEX}inspect/{application.pk}/"
    response = admin_client.post(url, {"action": "status", "status-status": Status.INTAKE_PLANNED,
                                       "status-intake_on": "", "status-note": "Graag in maart"})  # fmt: skip
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul de datum van het intakegesprek in" in html
    assert "Graag in maart</textarea>" in html  # what was typed stays
    application.refresh_from_db()
    assert application.status == Status.NEW

    response = admin_client.post(url, {"action": "status", "status-status": Status.INTAKE_PLANNED,
                                       "status-intake_on": "2027-03-04", "status-note": ""})  # fmt: skip
    assert response.status_code == 302
    admin_client.post(url, {"action": "owner", "owner-owner": coach.pk})
    admin_client.post(url, {"action": "note", "note-text": "Wethouder is enthousiast."})
    application.refresh_from_db()
    assert application.status == Status.INTAKE_PLANNED
    assert application.owner == coach
    assert application.notes.get().text == "Wethouder is enthousiast."
    assert "Wethouder is enthousiast." in admin_client.get(url).content.decode()


def test_an_empty_note_is_refused_at_the_field(admin_client):
    application = make_application()
    response = admin_client.post(
        f"{INDEX}inspect/{application.pk}/", {"action": "note", "note-text": ""}
    )
    assert "Dit is een verplicht veld" in response.content.decode()
    assert not application.notes.exists()


def test_the_team_corrects_a_kvk_number_but_not_a_decided_application(admin_client):
    application = make_application()
    edit = f"{INDEX}edit/{application.pk}/"
    assert admin_client.get(edit).status_code == 200
    services.reject_application(application=application, by=None, reason="x", message="y")
    assert admin_client.get(edit).status_code in (302, 403)
