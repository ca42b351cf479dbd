"""Bad input in the public application: a Dutch message at the field, nothing stored, input kept."""

import pytest

from inkoopkracht.intake.models import Application

from .factories import application_form_data

pytestmark = pytest.mark.django_db

URL = "/aanmelden/?als=samen"


def post(client, **overrides):
    response = client.post(URL, application_form_data("samen", **overrides))
    return response, response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("buyer_name", "", "Dit is een verplicht veld"),
        ("motivation", "", "Dit is een verplicht veld"),
        (
            "buyer_identifier",
            "1234",
            "Vul een KvK-nummer (8 cijfers, bijvoorbeeld 12345678) of een OIN",
        ),
        ("buyer_identifier", "0000000180000009990", "of een OIN (20 cijfers) in"),
        ("supplier_identifier", "00000001800000999000", "Vul een KvK-nummer in: precies 8 cijfers"),
        ("supplier_identifier", "1234567a", "Vul een KvK-nummer in: precies 8 cijfers"),
        ("buyer_contact_email", "anna@", "Voer een geldig e-mailadres in"),
        ("buyer_contact_phone", "bel me maar", "Vul een telefoonnummer in met cijfers"),
        ("motivation", "x" * 2001, "niet meer dan 2000 tekens bevat"),
        ("buyer_name", "G" * 201, "niet meer dan 200 tekens bevat"),
        ("consent", "", "Geef toestemming"),
        ("ambition_date", "", "Vul in wanneer u de ambitie wilt halen"),
        ("contract_ends_on", "2001-01-01", "Kies een datum in de toekomst"),
        ("labour_market_region", "twente", "ligt niet in de gekozen provincie"),
        ("supplier_identifier", "0000 0001 8000 0099 9000", "precies 8 cijfers"),
        ("route", "", "Dit is een verplicht veld"),
    ],
)
def test_bad_input_gets_a_message_at_the_field_and_nothing_is_stored(client, field, value, message):
    response, html = post(client, **{field: value})
    assert response.status_code == 200
    assert message in html
    assert not Application.objects.exists()
    assert 'class="form-field form-field--invalid' in html
    assert "Controleer uw invoer" in html


def test_what_the_user_typed_stays_in_the_form(client):
    _response, html = post(
        client, buyer_identifier="12", motivation="Omdat het kan.", buyer_contact_name="Anna"
    )
    assert 'value="Anna"' in html
    assert "Omdat het kan.</textarea>" in html
    assert 'value="12"' in html
    assert 'value="bestaand_contract" required id="id_route_0" checked' in html


def test_the_same_organisation_on_both_sides_is_refused(client):
    _response, html = post(client, buyer_identifier="87654321", supplier_identifier="8765 4321")
    assert "twee organisaties met elk een eigen nummer" in html
    assert not Application.objects.exists()


def test_html_and_script_are_shown_escaped_and_stored_as_typed(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    script = '<script>alert("x")</script>'
    _response, html = post(client, motivation=script, buyer_identifier="1")
    assert script not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</textarea>" in html

    with django_capture_on_commit_callbacks(execute=True):
        response, _html = post(client, motivation=script, buyer_name=f"Gemeente {script}")
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.motivation == script
    received = mailoutbox[0]
    html_mail = received.alternatives[0].content
    assert script not in html_mail
    assert "&lt;script&gt;" in html_mail
    page = client.get("/aanmelden/ontvangen/").content.decode()
    assert script not in page
