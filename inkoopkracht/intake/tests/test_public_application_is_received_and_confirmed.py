"""A buyer and supplier apply together without logging in; both get a confirmation email."""

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake.models import Application

from .factories import application_form_data

pytestmark = pytest.mark.django_db


def test_the_choice_page_asks_how_to_apply_in_a_fieldset(client):
    response = client.get("/aanmelden/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<fieldset" in html
    assert "<legend" in html
    assert "Hoe meldt u zich aan?" in html
    assert 'method="get"' in html


def test_an_unknown_choice_is_refused_at_the_field(client):
    response = client.get("/aanmelden/?als=allebei")
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_a_pair_applies_and_gets_a_confirmation(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    form_page = client.get("/aanmelden/?als=samen").content.decode()
    assert "Opdrachtgever (overheidsorganisatie)" in form_page
    assert "Leverancier (bedrijf)" in form_page
    data = application_form_data("samen")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanmelden/?als=samen", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert response["Location"] == "/aanmelden/ontvangen/"

    application = Application.objects.get()
    assert application.kind == Application.Kind.PAIR
    assert application.status == Application.Status.NEW
    buyer, supplier = application.sorted_parties
    assert buyer.oin == "00000001800000999000"  # typed with spaces, stored as digits
    assert supplier.kvk_number == "87654321"
    assert application.consent_at is not None
    assert AuditRecord.objects.filter(action="application.submitted").exists()

    received = client.get(response["Location"]).content.decode()
    assert application.reference in received
    assert data["buyer_contact_email"] in received

    confirmation, team_notice = mailoutbox
    assert sorted(confirmation.to) == sorted(
        [data["buyer_contact_email"], data["supplier_contact_email"]]
    )
    assert application.reference in confirmation.subject
    assert buyer.organisation_name in confirmation.body
    assert confirmation.alternatives[0].mimetype == "text/html"
    assert team_notice.to == ["programmateam@inkoopkracht.example"]
    assert f"/beheer/aanmeldingen/inspect/{application.pk}/" in team_notice.body


def test_one_side_applies_and_is_told_we_look_for_a_partner(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get("/aanmelden/?als=leverancier").content.decode()
    assert "Opdrachtgever (overheidsorganisatie)" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanmelden/?als=leverancier", application_form_data("leverancier"))
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.kind == Application.Kind.SUPPLIER
    assert [party.side for party in application.parties.all()] == ["leverancier"]
    assert "zoeken daarna samen met u naar een partner" in mailoutbox[0].body
