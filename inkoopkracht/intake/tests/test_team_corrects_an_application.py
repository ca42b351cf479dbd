"""The team corrects what an applicant typed (e.g. a KvK number) before deciding."""

import pytest

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake import services
from inkoopkracht.intake.matching import fingerprint
from inkoopkracht.intake.models import Application

from .factories import make_application

pytestmark = pytest.mark.django_db


def edit_data(application, **overrides):
    data = {
        "parties-TOTAL_FORMS": "2", "parties-INITIAL_FORMS": "2",
        "parties-MIN_NUM_FORMS": "1", "parties-MAX_NUM_FORMS": "2",
        "route": application.route, "work_sector": application.work_sector,
        "work_description": application.work_description, "value_range": application.value_range,
        "contract_ends_on": "", "province": application.province, "labour_market_region": "",
        "ambition_jobs": "", "ambition_date": "", "ambition": application.ambition,
        "motivation": application.motivation,
    }  # fmt: skip
    for index, party in enumerate(application.sorted_parties):
        for name in ("side", "organisation_name", "subsector", "contact_name",
                     "contact_job_title", "contact_email", "contact_phone"):  # fmt: skip
            data[f"parties-{index}-{name}"] = getattr(party, name)
        data[f"parties-{index}-id"] = party.pk
        data[f"parties-{index}-kvk_number"] = party.kvk_number or ""
        data[f"parties-{index}-oin"] = party.oin or ""
        data[f"parties-{index}-DELETE"] = ""
    data.update(overrides)
    return data


def test_the_team_fixes_a_kvk_number(client_for, programme_admin):
    application = make_application()
    url = f"/beheer/aanmeldingen/edit/{application.pk}/"
    admin = client_for(programme_admin)
    response = admin.post(url, edit_data(application, **{"parties-1-kvk_number": "12345678"}))
    assert response.status_code == 302, response.content.decode()[-2000:]
    application.refresh_from_db()
    assert application.sorted_parties[1].kvk_number == "12345678"
    parties = list(application.parties.values("side", "kvk_number", "oin", "contact_email"))
    assert application.fingerprint == fingerprint(application.kind, parties)
    assert AuditRecord.objects.filter(action="application.changed").exists()


def test_a_correction_cannot_drop_a_side(client_for, programme_admin):
    application = make_application()
    response = client_for(programme_admin).post(
        f"/beheer/aanmeldingen/edit/{application.pk}/",
        edit_data(application, **{"parties-1-DELETE": "on"}),
    )
    assert "heeft precies deze organisaties nodig" in response.content.decode()
    assert application.parties.count() == 2


def test_a_decided_application_cannot_be_corrected(client_for, programme_admin):
    application = make_application()
    services.reject_application(application=application, by=None, reason="x", message="y")
    response = client_for(programme_admin).post(
        f"/beheer/aanmeldingen/edit/{application.pk}/", edit_data(application)
    )
    assert response.status_code in (302, 403)
    assert not AuditRecord.objects.filter(action="application.changed").exists()


def test_adding_in_the_back_office_leads_to_the_public_form(client_for, programme_admin):
    admin = client_for(programme_admin)
    response = admin.get("/beheer/aanmeldingen/new/")
    assert response.status_code == 302
    assert response["Location"] == "/aanmelden/"
    assert (
        admin.get("/beheer/handreiking-bestellingen/new/")["Location"] == "/aanvragen/handreiking/"
    )
    assert not Application.objects.exists()
