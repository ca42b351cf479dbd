"""The letter of intent: filled in at the kick-off with the ambition (saved on the proeftuin,
the one source of truth) and commitments of both sides; bad input changes nothing."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from inkoopkracht.partnerships.models import Commitment, LetterOfIntent
from inkoopkracht.partnerships.services import PartnershipError, agreement
from inkoopkracht.partnerships.tests.factories import (
    letter_arguments,
    make_contact,
    make_letter,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def contacts(partnership_a):
    return (
        make_contact(organisation=partnership_a.buyer, name="Wethouder Bakker"),
        make_contact(organisation=partnership_a.supplier, name="Directeur Veenstra"),
    )


def form_data(contacts, **overrides):
    buyer, supplier = contacts
    data = {
        "ambition_jobs": "7",
        "ambition_date": "2028-12-31",
        "buyer_standard": ["contract-aanpassen", "budget-jobcoaching"],
        "buyer_other": "Een vaste werkbegeleider in het stadhuis",
        "supplier_standard": ["werven", "rapporteren"],
        "supplier_other": "",
        "buyer_signatory": buyer.pk,
        "buyer_contact": buyer.pk,
        "supplier_signatory": supplier.pk,
        "supplier_contact": supplier.pk,
        "roles": "Het SW-bedrijf levert de jobcoach.",
        "review_on": "2027-10-01",
    }
    data.update(overrides)
    return data


def test_coach_fills_in_the_letter(client_for, coach, partnership_a, contacts):
    client = client_for(coach)
    url = reverse("partnerships:edit_letter", args=[partnership_a.pk])
    page = client.get(url).content.decode()
    assert "Budget vrijmaken voor jobcoaching en begeleiding" in page
    response = client.post(url, form_data(contacts))
    assert response.status_code == 302
    letter = LetterOfIntent.objects.get(partnership=partnership_a)
    buyer = letter.commitments.filter(side="buyer")
    assert list(buyer.values_list("text", flat=True)) == [
        "Het contract of het bestek aanpassen waar dat nodig is",
        "Budget vrijmaken voor jobcoaching en begeleiding",
        "Een vaste werkbegeleider in het stadhuis",
    ]
    assert letter.commitments.filter(side="supplier").count() == 2
    assert letter.status == LetterOfIntent.Status.DRAFT
    partnership_a.refresh_from_db()
    assert partnership_a.ambition_jobs == Decimal("7")
    assert partnership_a.ambition_date == date(2028, 12, 31)
    done = set(
        partnership_a.checklist_items.filter(done_on__isnull=False).values_list(
            "default_code", flat=True
        )
    )
    assert done == {"kickoff-rollen", "kickoff-toezeggingen"}


def test_saving_again_keeps_the_commitments_that_stay(client_for, coach, partnership_a, contacts):
    client = client_for(coach)
    url = reverse("partnerships:edit_letter", args=[partnership_a.pk])
    client.post(url, form_data(contacts))
    kept = Commitment.objects.get(code="werven")
    client.post(url, form_data(contacts, supplier_standard=["werven", "begeleiden"]))
    codes = set(Commitment.objects.filter(side="supplier").values_list("code", flat=True))
    assert codes == {"werven", "begeleiden"}
    assert Commitment.objects.get(code="werven").pk == kept.pk


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"ambition_jobs": ""}, "ambition_jobs", "Vul de gedeelde ambitie in"),
        ({"ambition_jobs": "0"}, "ambition_jobs", "De ambitie is meer dan nul banen."),
        ({"ambition_date": ""}, "ambition_date", "Vul in wanneer de ambitie gehaald moet zijn."),
        (
            {"buyer_standard": [], "buyer_other": "  "},
            "buyer_standard",
            "Leg ten minste één toezegging van de opdrachtgever vast",
        ),
        (
            {"supplier_standard": [], "supplier_other": ""},
            "supplier_standard",
            "Leg ten minste één toezegging van de leverancier vast",
        ),
        ({"review_on": ""}, "review_on", "Vul een evaluatiedatum in."),
        ({"review_on": "2029-06-01"}, "review_on", "Evalueer vóór de ambitiedatum"),
        ({"buyer_signatory": ""}, "buyer_signatory", "Kies een contactpersoon van"),
    ],
)
def test_bad_letter_is_refused_at_the_field(
    client_for, coach, partnership_a, contacts, overrides, field, message
):
    client = client_for(coach)
    url = reverse("partnerships:edit_letter", args=[partnership_a.pk])
    response = client.post(url, form_data(contacts, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert "Het SW-bedrijf levert de jobcoach." in html  # what was typed is kept
    assert not LetterOfIntent.objects.exists()
    partnership_a.refresh_from_db()
    assert partnership_a.ambition_jobs == Decimal("5")  # the factory's, unchanged


def test_service_refuses_a_letter_without_commitments_of_both_sides(partnership_a):
    arguments = letter_arguments(partnership_a, supplier_commitments=[])
    with pytest.raises(ValidationError) as error:
        agreement.save_letter(partnership=partnership_a, by=None, **arguments)
    assert "supplier_commitments" in error.value.message_dict
    assert not LetterOfIntent.objects.exists()


def test_service_refuses_a_contact_of_another_organisation(partnership_a, partnership_b):
    stranger = make_contact(organisation=partnership_b.buyer)
    arguments = letter_arguments(partnership_a, buyer_signatory=stranger)
    with pytest.raises(ValidationError) as error:
        agreement.save_letter(partnership=partnership_a, by=None, **arguments)
    assert "moet een contactpersoon van" in error.value.message_dict["buyer_signatory"][0]


def test_a_signed_letter_no_longer_changes(client_for, coach, partnership_a):
    letter = make_letter(partnership=partnership_a)
    letter.status = LetterOfIntent.Status.SIGNED
    letter.save()
    with pytest.raises(PartnershipError, match="ondertekend"):
        make_letter(partnership=partnership_a)
    response = client_for(coach).get(reverse("partnerships:edit_letter", args=[partnership_a.pk]))
    assert response.status_code == 302


def test_members_see_the_letter_and_its_commitments(client_for, buyer_member, partnership_a):
    make_letter(partnership=partnership_a)
    page = client_for(buyer_member).get(reverse("partnerships:letter", args=[partnership_a.pk]))
    html = page.content.decode()
    assert "Werkplekken en passende taken beschikbaar stellen" in html
    assert "Kandidaten uit de doelgroep banenafspraak werven" in html
    assert "6 extra banen, uiterlijk op 30 juni 2028" in html
    assert "Intentieverklaring wijzigen" not in html


def test_following_up_a_commitment(client_for, coach, partnership_a):
    letter = make_letter(partnership=partnership_a)
    commitment = letter.commitments.get(side="buyer")
    url = reverse("partnerships:edit_commitment", args=[partnership_a.pk, commitment.pk])
    response = client_for(coach).post(url, {"status": "loopt", "note": "Eerste werkplek klaar"})
    assert response.status_code == 302
    commitment.refresh_from_db()
    assert commitment.status == Commitment.Status.IN_PROGRESS
    assert commitment.status_note == "Eerste werkplek klaar"
    assert commitment.status_changed_on is not None
