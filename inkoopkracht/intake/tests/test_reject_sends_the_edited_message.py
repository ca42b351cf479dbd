"""Rejecting: the team must explain, sees the standard Dutch text, edits it, and it is sent."""

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake.models import Application

from .factories import make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client_for, programme_admin):
    return client_for(programme_admin)


def test_the_standard_text_must_be_completed_before_sending(admin_client):
    application = make_application()
    url = f"/beheer/aanmeldingen/afwijzen/{application.pk}/"
    page = admin_client.get(url).content.decode()
    assert "Na zorgvuldige afweging kunnen wij uw aanmelding op dit moment niet accepteren" in page
    assert "[Licht hier het besluit toe.]" in page
    response = admin_client.post(
        url, {"reason": "", "message": "Helaas. [Licht hier het besluit toe.]"}
    )
    html = response.content.decode()
    assert "Vervang de tekst tussen [ ] door uw toelichting" in html
    assert "Dit is een verplicht veld" in html
    application.refresh_from_db()
    assert application.status == Application.Status.NEW


def test_the_rejection_is_recorded_and_the_edited_message_sent(
    admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    application = make_application()
    message = "Beste aanmelders,\n\nHelaas past uw contract niet in het programma.\n\nGroet"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/beheer/aanmeldingen/afwijzen/{application.pk}/",
            {"reason": "Geen doelgroepwerk in het contract", "message": message},
        )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.REJECTED
    assert application.decision_reason == "Geen doelgroepwerk in het contract"
    assert application.decided_on is not None
    assert AuditRecord.objects.filter(action="application.rejected").exists()
    mail = mailoutbox[-1]
    assert sorted(mail.to) == sorted(application.contact_emails)
    assert application.reference in mail.subject
    assert "Helaas past uw contract niet in het programma." in mail.body
    assert "Geen doelgroepwerk" not in mail.body  # the internal reason stays internal
    assert "<p>Helaas past uw contract niet in het programma.</p>" in mail.alternatives[0].content
