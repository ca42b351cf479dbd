"""Accept = start: from the public form through the pipeline to a running proeftuin.

Existing organisations are matched by KvK number or OIN (never duplicated), the proeftuin starts
at step 1 with its coach and contract, and the contacts log in with their one-time invitation.
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.intake import services
from inkoopkracht.intake.models import Application
from inkoopkracht.organisations.models import Contact, Organisation
from inkoopkracht.partnerships.models import Contract, Partnership
from inkoopkracht.partnerships.tests.factories import make_cohort, make_organisation

from .factories import application_form_data, make_application, party

pytestmark = pytest.mark.django_db
PASSWORD = "mijn-eigen-wachtwoord-1"


@pytest.fixture
def admin_client(client_for, programme_admin):
    return client_for(programme_admin)


def accept_data(coach, **overrides):
    data = {
        "cohort": make_cohort(2).pk,
        "coach": coach.pk,
        "start_on": timezone.localdate().isoformat(),
        "partner": "",
        "partner_organisation": "",
        "record_contract": "on",
        "contract_title": "Schoonmaak stadhuis",
        "contract_reference": "GEM-2026-001",
        "contract_starts_on": "2025-01-01",
        "contract_ends_on": "2029-12-31",
        "contract_value": "1500000",
        "message": "Beste aanmelders,\n\nWelkom! <b>Tot snel</b>.\n\nHet programmateam",
    }
    data.update(overrides)
    return data


def invitation_links(mailoutbox) -> dict[str, str]:
    links = {}
    for mail in mailoutbox:
        found = re.search(r"http://\S+?(/account/uitnodiging/\S+)", mail.body)
        if found:
            links[mail.to[0]] = found.group(1)
    return links


def test_an_application_travels_from_the_form_to_a_running_proeftuin(
    client, client_for, programme_admin, coach, mailoutbox, django_capture_on_commit_callbacks
):
    supplier = make_organisation(name="Schoonmaak Bestaand", kvk_number="87654321")
    form = application_form_data("samen", supplier_identifier="8765 4321")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/aanmelden/?als=samen", form)
    application = Application.objects.get()
    mailoutbox.clear()

    admin = client_for(programme_admin)
    page = admin.get(f"/beheer/aanmeldingen/accepteren/{application.pk}/").content.decode()
    assert "staat al in het register, wordt gebruikt" in page
    assert "wordt nieuw in het register gezet" in page
    assert "Goed nieuws: het programmateam heeft uw aanmelding" in page  # editable default
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            f"/beheer/aanmeldingen/accepteren/{application.pk}/", accept_data(coach)
        )
    assert response.status_code == 302, response.content.decode()[-3000:]

    application.refresh_from_db()
    partnership = application.partnership
    assert application.status == Application.Status.ACCEPTED
    assert partnership.status == Partnership.Status.ACTIVE
    assert partnership.current_step_id == 1
    assert list(partnership.coaches.all()) == [coach]
    assert partnership.cohort.number == 2
    assert partnership.supplier == supplier  # matched, not duplicated
    assert Organisation.objects.filter(kvk_number="87654321").count() == 1
    buyer = partnership.buyer
    assert buyer.oin == "00000001800000999000"
    assert buyer.kind == Organisation.Kind.BUYER
    assert partnership.contracts.get().reference == "GEM-2026-001"
    assert partnership.applied_on == timezone.localdate(application.submitted_at)
    assert Contact.objects.filter(organisation=buyer, email=form["buyer_contact_email"]).exists()
    assert AuditRecord.objects.filter(action="application.accepted").count() == 1

    decision = next(m for m in mailoutbox if "Welkom als proeftuin" in m.subject)
    assert sorted(decision.to) == sorted(
        [form["buyer_contact_email"], form["supplier_contact_email"]]
    )
    assert "Welkom! <b>Tot snel</b>." in decision.body  # the text as the team wrote it
    assert "&lt;b&gt;Tot snel&lt;/b&gt;" in decision.alternatives[0].content
    assert str(partnership) in decision.body

    links = invitation_links(mailoutbox)
    assert set(links) == {form["buyer_contact_email"], form["supplier_contact_email"]}
    member = client_for(None)
    member.logout()
    link = links[form["buyer_contact_email"]]
    member.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    member.post(
        "/account/inloggen/", {"username": form["buyer_contact_email"], "password": PASSWORD}
    )
    portal = member.get(f"/mijn/proeftuinen/{partnership.pk}/")
    assert portal.status_code == 200

    reused = member.get(link)
    assert reused.status_code == 400
    assert "niet (meer) geldig" in reused.content.decode()


def test_an_invitation_from_the_start_expires(
    client, settings, programme_admin, coach, mailoutbox, django_capture_on_commit_callbacks
):
    application = make_application()
    with django_capture_on_commit_callbacks(execute=True):
        services.accept_application(application=application, by=programme_admin,
                                    cohort=make_cohort(2), coach=coach, message="Welkom")  # fmt: skip
    link = next(iter(invitation_links(mailoutbox).values()))
    later = timezone.now() + timedelta(days=settings.INVITATION_TIMEOUT_DAYS + 1)
    with time_machine.travel(later, tick=False):
        response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 400


def test_a_contact_who_can_already_log_in_is_linked_without_an_invitation(
    programme_admin, coach, buyer_member, mailoutbox, django_capture_on_commit_callbacks
):
    buyer = buyer_member.contacts.get().organisation
    application = make_application(
        parties=[
            party(services.Side.BUYER, oin=None, kvk_number=buyer.kvk_number,
                  contact_email=buyer_member.email),
            party(services.Side.SUPPLIER),
        ]
    )  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        partnership = services.accept_application(
            application=application, by=programme_admin, cohort=make_cohort(2), coach=coach,
            message="Welkom",
        )  # fmt: skip
    assert partnership.buyer == buyer
    assert buyer.contacts.filter(email=buyer_member.email).count() == 1
    assert buyer_member.email not in invitation_links(mailoutbox)
    buyer_member.refresh_from_db()
    assert buyer_member.has_usable_password()


def test_a_number_of_the_wrong_kind_stops_the_start_and_leaves_nothing(
    admin_client, coach, programme_admin
):
    supplier = make_organisation(kvk_number="12312312")
    application = make_application(
        parties=[
            party(services.Side.BUYER, oin=None, kvk_number=supplier.kvk_number),
            party(services.Side.SUPPLIER),
        ]
    )
    organisations, contracts = Organisation.objects.count(), Contract.objects.count()
    partnerships = Partnership.objects.count()
    response = admin_client.post(
        f"/beheer/aanmeldingen/accepteren/{application.pk}/", accept_data(coach)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "hoort in het register bij" in html
    assert "Welkom! &lt;b&gt;Tot snel&lt;/b&gt;." in html  # the message typed stays
    assert Organisation.objects.count() == organisations
    assert Contract.objects.count() == contracts
    assert Partnership.objects.count() == partnerships
    application.refresh_from_db()
    assert application.status == Application.Status.NEW


def test_the_contract_needs_its_reference_when_recorded(admin_client, coach):
    application = make_application()
    partnerships = Partnership.objects.count()
    response = admin_client.post(
        f"/beheer/aanmeldingen/accepteren/{application.pk}/",
        accept_data(coach, contract_reference=""),
    )
    assert "Vul dit in om het contract vast te leggen" in response.content.decode()
    assert Partnership.objects.count() == partnerships


def test_an_application_is_accepted_only_once(admin_client, programme_admin, coach):
    application = make_application()
    services.accept_application(application=application, by=programme_admin,
                                cohort=make_cohort(2), coach=coach, message="Welkom")  # fmt: skip
    partnerships = Partnership.objects.count()
    response = admin_client.post(
        f"/beheer/aanmeldingen/accepteren/{application.pk}/", accept_data(coach)
    )
    assert response.status_code == 302
    assert Partnership.objects.count() == partnerships
    with pytest.raises(services.IntakeError, match="al besloten"):
        services.accept_application(application=application, by=programme_admin,
                                    cohort=make_cohort(2), coach=coach, message="Nog eens")  # fmt: skip


def test_a_one_sided_application_needs_a_partner(admin_client, programme_admin, coach):
    application = make_application(kind=Application.Kind.SUPPLIER)
    page = admin_client.get(f"/beheer/aanmeldingen/accepteren/{application.pk}/")
    assert "Kies eerst een partner" in page.content.decode()
    with pytest.raises(services.IntakeError, match="Kies eerst een partner"):
        services.accept_application(application=application, by=programme_admin,
                                    cohort=make_cohort(2), coach=coach, message="Welkom")  # fmt: skip
