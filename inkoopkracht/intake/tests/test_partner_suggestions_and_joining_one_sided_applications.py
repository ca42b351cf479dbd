"""A one-sided application gets ranked partner suggestions with reasons, and can be joined."""

import pytest

from inkoopkracht.intake import services
from inkoopkracht.intake.matching import partner_suggestions
from inkoopkracht.intake.models import Application, Side
from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.tests.factories import (
    make_buyer,
    make_cohort,
    make_organisation,
    make_partnership,
)

from .factories import make_application

pytestmark = pytest.mark.django_db
Kind = Application.Kind


@pytest.fixture
def supplier_looking(db):
    return make_application(
        kind=Kind.SUPPLIER, work_sector="catering", province="noord_brabant",
        labour_market_region_id="zuidoost_brabant",
    )  # fmt: skip


def test_candidates_are_ranked_with_their_reasons(supplier_looking):
    in_sector_nearby = make_buyer(name="Gemeente Dichtbij", province="noord_brabant",
                                  labour_market_region_id="zuidoost_brabant")  # fmt: skip
    make_partnership(buyer=in_sector_nearby, work_sector="catering")
    in_sector_far = make_buyer(name="Gemeente Ver", province="groningen")
    make_partnership(buyer=in_sector_far, work_sector="catering")
    make_buyer(name="Gemeente Zelfde Provincie", province="noord_brabant")
    make_buyer(name="Gemeente Elders", province="zeeland")
    make_organisation(name="Leverancier Dichtbij", province="noord_brabant")  # wrong side
    buyer_looking = make_application(kind=Kind.BUYER, work_sector="catering",
                                     province="noord_brabant",
                                     labour_market_region_id="zuidoost_brabant")  # fmt: skip
    make_application(kind=Kind.BUYER, work_sector="groen", province="limburg")  # no reason

    suggestions = partner_suggestions(supplier_looking)
    names = [str(s.candidate) for s in suggestions]
    assert names[0] == str(buyer_looking)
    assert names[1:4] == ["Gemeente Dichtbij", "Gemeente Ver", "Gemeente Zelfde Provincie"]
    assert "Gemeente Elders" not in names
    assert "Leverancier Dichtbij" not in names
    assert suggestions[0].reasons == [
        "meldde zich ook aan en zoekt een partner",
        "zelfde soort werk (catering)",
        "zelfde arbeidsmarktregio (Zuidoost-Brabant)",
    ]
    assert suggestions[1].reasons == [
        "werkt al in een proeftuin in de catering",
        "zelfde arbeidsmarktregio (Zuidoost-Brabant)",
    ]
    assert suggestions[3].reasons == ["zelfde provincie (Noord-Brabant)"]


def test_the_dossier_shows_the_suggestions(client_for, programme_admin, supplier_looking):
    buyer_looking = make_application(kind=Kind.BUYER, work_sector="catering",
                                     province="noord_brabant")  # fmt: skip
    html = (
        client_for(programme_admin)
        .get(f"/beheer/aanmeldingen/inspect/{supplier_looking.pk}/")
        .content.decode()
    )
    assert "Mogelijke partners" in html
    assert buyer_looking.reference in html
    assert f"?partner={buyer_looking.pk}" in html
    assert "zelfde soort werk (catering)" in html


def test_two_one_sided_applications_are_joined_into_one_proeftuin(
    client_for, programme_admin, coach, supplier_looking, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    buyer_looking = make_application(kind=Kind.BUYER, work_sector="catering",
                                     province="noord_brabant")  # fmt: skip
    admin = client_for(programme_admin)
    url = f"/beheer/aanmeldingen/accepteren/{supplier_looking.pk}/"
    page = admin.get(url, {"partner": buyer_looking.pk}).content.decode()
    assert buyer_looking.sorted_parties[0].organisation_name in page
    data = {
        "cohort": make_cohort(2).pk, "coach": coach.pk, "start_on": "2026-12-01",
        "partner": buyer_looking.pk, "partner_organisation": "", "message": "Welkom samen!",
    }  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    supplier_looking.refresh_from_db()
    buyer_looking.refresh_from_db()
    partnership = supplier_looking.partnership
    assert partnership == buyer_looking.partnership
    assert partnership.buyer.name == buyer_looking.sorted_parties[0].organisation_name
    assert partnership.supplier.name == supplier_looking.sorted_parties[0].organisation_name
    assert supplier_looking.joined_with == buyer_looking
    assert buyer_looking.joined_with == supplier_looking
    assert {supplier_looking.status, buyer_looking.status} == {Application.Status.ACCEPTED}
    decisions = [m for m in mailoutbox if "Welkom als proeftuin" in m.subject]
    assert len(decisions) == 2


def test_a_one_sided_application_starts_with_an_organisation_from_the_register(
    programme_admin, coach, supplier_looking
):
    buyer = make_buyer(name="Gemeente Uit Het Register")
    partnership = services.accept_application(
        application=supplier_looking, by=programme_admin, cohort=make_cohort(2), coach=coach,
        message="Welkom", partner_organisation=buyer,
    )  # fmt: skip
    assert partnership.buyer == buyer
    assert partnership.status == Partnership.Status.ACTIVE


@pytest.mark.parametrize("wrong", ["same_side", "itself", "supplier_org", "pair"])
def test_a_partner_must_complete_the_pair(programme_admin, coach, supplier_looking, wrong):
    partner, organisation, application = None, None, supplier_looking
    if wrong == "same_side":
        partner = make_application(kind=Kind.SUPPLIER)
    elif wrong == "itself":
        partner = supplier_looking
    elif wrong == "supplier_org":
        organisation = make_organisation()
    else:
        application, partner = make_application(), make_application(kind=Kind.BUYER)
    with pytest.raises(services.IntakeError):
        services.accept_application(
            application=application, by=programme_admin, cohort=make_cohort(2), coach=coach,
            message="Welkom", partner=partner, partner_organisation=organisation,
        )  # fmt: skip
    assert not Application.objects.filter(status=Application.Status.ACCEPTED).exists()


def test_sides_know_their_opposite():
    assert Side.BUYER.other == Side.SUPPLIER
    assert Side.SUPPLIER.other == Side.BUYER
