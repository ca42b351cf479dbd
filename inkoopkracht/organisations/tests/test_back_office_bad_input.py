"""Bad input in the back office: a clear Dutch message at the field, and nothing saved."""

import pytest

from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.tests.factories import make_organisation

EMPTY_CONTACTS = {
    "contacts-TOTAL_FORMS": "0",
    "contacts-INITIAL_FORMS": "0",
    "contacts-MIN_NUM_FORMS": "0",
    "contacts-MAX_NUM_FORMS": "1000",
}


def organisation_form(**overrides):
    data = {
        "name": "Gemeente Testdorp",
        "kind": Organisation.Kind.BUYER,
        "sector": Organisation.Sector.OVERHEID,
        "subsector": Organisation.Subsector.GEMEENTE,
        "kvk_number": "",
        "oin": "00000001001234567000",
        "province": "",
        "labour_market_region": "",
        "website": "",
        **EMPTY_CONTACTS,
    }
    data.update(overrides)
    return data


@pytest.fixture
def admin_client(client_for, programme_admin):
    return client_for(programme_admin)


def test_team_creates_an_organisation_with_a_contact(admin_client):
    data = organisation_form(
        **{
            "contacts-TOTAL_FORMS": "1",
            "contacts-0-name": "Femke Dekker",
            "contacts-0-job_title": "Inkoper",
            "contacts-0-email": "Femke@Testdorp.example",
            "contacts-0-phone": "070 123 45 67",
            "contacts-0-id": "",
            "contacts-0-ORDER": "1",
        }
    )
    response = admin_client.post("/beheer/organisaties/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    organisation = Organisation.objects.get(oin="00000001001234567000")
    assert organisation.contacts.get().email == "femke@testdorp.example"


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"kvk_number": "1234567", "oin": ""}, "precies 8 cijfers"),
        ({"kvk_number": "1234567a", "oin": ""}, "precies 8 cijfers"),
        ({"oin": "123"}, "precies 20 cijfers"),
        ({"oin": ""}, "Vul een KvK-nummer of een OIN in"),
        ({"sector": Organisation.Sector.MARKT}, "overheidsorganisatie"),
        ({"subsector": ""}, "Kies de subsector"),
        ({"name": ""}, "Dit is een verplicht veld"),
        (
            {"province": "utrecht", "labour_market_region": "groningen"},
            "niet in de gekozen provincie",
        ),
    ],
)
def test_invalid_organisation_is_refused_with_a_dutch_message(
    admin_client, overrides, field_message
):
    before = Organisation.objects.count()
    response = admin_client.post("/beheer/organisaties/new/", organisation_form(**overrides))
    assert response.status_code == 200
    assert field_message in response.content.decode()
    assert Organisation.objects.count() == before


def test_duplicate_kvk_number_is_refused(admin_client):
    make_organisation(kvk_number="12345678")
    before = Organisation.objects.count()
    response = admin_client.post(
        "/beheer/organisaties/new/",
        organisation_form(
            kind=Organisation.Kind.SUPPLIER,
            sector="markt",
            subsector="",
            kvk_number="1234 5678",
            oin="",
        ),
    )
    assert response.status_code == 200
    assert "Er is al een organisatie met dit KvK-nummer" in response.content.decode()
    assert Organisation.objects.count() == before


def test_duplicate_oin_is_refused(admin_client):
    make_organisation(kvk_number=None, oin="00000001001234567000", kind=Organisation.Kind.BUYER)
    response = admin_client.post("/beheer/organisaties/new/", organisation_form())
    assert "Er is al een organisatie met dit OIN" in response.content.decode()
    assert Organisation.objects.filter(oin="00000001001234567000").count() == 1


def test_edit_is_recorded_in_the_history(admin_client, programme_admin):
    organisation = make_organisation(kvk_number="12345678")
    data = organisation_form(
        name="Nieuwe naam",
        kind=organisation.kind,
        sector="markt",
        subsector="",
        kvk_number="12345678",
        oin="",
    )
    response = admin_client.post(f"/beheer/organisaties/edit/{organisation.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    history = admin_client.get(f"/beheer/organisaties/history/{organisation.pk}/")
    assert history.status_code == 200
    content = history.content.decode()
    assert "Organisatie gewijzigd" in content
    assert programme_admin.email in content
