"""Public requests: a question, or printed copies of the guide sent by post."""

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake.models import GuideOrder, InformationRequest

from .factories import started_token

pytestmark = pytest.mark.django_db


def question(**overrides):
    data = {"name": "Petra Vos", "organisation": "Gemeente Havenstad",
            "email": "petra@havenstad.example", "phone": "", "topic": "meedoen",
            "question": "Kunnen wij met een nieuwe aanbesteding meedoen?", "consent": "on",
            "website": "", "started": started_token()}  # fmt: skip
    data.update(overrides)
    return data


def order(**overrides):
    data = {"name": "Ahmed Bouzid", "organisation": "Hoveniersbedrijf Groenrijk",
            "email": "ahmed@groenrijk.example", "copies": "3", "street": "Tuinstraat 14",
            "postal_code": "6711cd", "city": "Ede", "consent": "on", "website": "",
            "started": started_token()}  # fmt: skip
    data.update(overrides)
    return data


def test_an_information_request_is_received_and_confirmed(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    page = client.get("/aanvragen/").content.decode()
    assert "Informatie aanvragen" in page
    assert 'href="/aanvragen/handreiking/"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanvragen/", question())
    assert response.status_code == 302
    request = InformationRequest.objects.get()
    assert request.status == InformationRequest.Status.OPEN
    assert AuditRecord.objects.filter(action="information_request.submitted").exists()
    assert "petra@havenstad.example" in client.get(response["Location"]).content.decode()
    mail = mailoutbox[0]
    assert mail.to == ["petra@havenstad.example"]
    assert "Kunnen wij met een nieuwe aanbesteding meedoen?" in mail.body


def test_a_guide_order_is_received_with_a_normalised_postal_code(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/aanvragen/handreiking/", order())
    assert response.status_code == 302
    stored = GuideOrder.objects.get()
    assert stored.postal_code == "6711 CD"
    assert stored.status == GuideOrder.Status.TO_SEND
    assert "Bestelling ontvangen" in client.get(response["Location"]).content.decode()
    mail = mailoutbox[0]
    assert "3 gedrukte exemplaren" in mail.body
    assert "6711 CD Ede" in mail.body
    assert "wissen wij 90 dagen na verzending" in mail.body


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"postal_code": "12345"}, "Vul een postcode in zoals 1234 AB"),
        ({"copies": "0"}, "Zorg ervoor dat deze waarde minstens 1 is"),
        ({"copies": "500"}, "Zorg ervoor dat deze waarde hoogstens 25 is"),
        ({"street": ""}, "Dit is een verplicht veld"),
        ({"name": ""}, "Dit is een verplicht veld"),
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in"),
        ({"consent": ""}, "Geef toestemming"),
        ({"city": "<script>x</script>" + "x" * 100}, "niet meer dan 100 tekens"),
    ],
)
def test_a_bad_guide_order_is_refused_and_kept(client, overrides, message):
    response = client.post("/aanvragen/handreiking/", order(**overrides))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Tuinstraat 14"' in html or overrides.get("street") == ""
    assert "<script>x</script>" not in html
    assert not GuideOrder.objects.exists()


def test_a_bad_question_is_refused_and_kept(client):
    response = client.post("/aanvragen/", question(question="", topic="onbekend"))
    html = response.content.decode()
    assert "Dit is een verplicht veld" in html
    assert "Selecteer een geldige keuze" in html
    assert 'value="Petra Vos"' in html
    assert not InformationRequest.objects.exists()


def test_the_team_marks_a_question_answered(client_for, programme_admin, client):
    client.post("/aanvragen/", question())
    request = InformationRequest.objects.get()
    admin = client_for(programme_admin)
    page = admin.get(f"/beheer/informatieverzoeken/inspect/{request.pk}/").content.decode()
    assert "mailto:petra@havenstad.example" in page
    admin.post(f"/beheer/informatieverzoeken/inspect/{request.pk}/")
    request.refresh_from_db()
    assert request.status == InformationRequest.Status.ANSWERED
    assert request.answered_by == programme_admin
    admin.post(f"/beheer/informatieverzoeken/inspect/{request.pk}/")
    assert AuditRecord.objects.filter(action="information_request.answered").count() == 1
