"""Every role × own / other proeftuin × page: members see only their own; the rest is a 404."""

import pytest
from django.urls import reverse

PERSONAS = ["anonymous", "buyer_member", "supplier_member", "outsider", "coach", "programme_admin"]

# What each persona gets on proeftuin A (theirs, for the members) and B (not theirs).
DETAIL_EXPECTED = {
    "anonymous": (302, 302),
    "buyer_member": (200, 404),
    "supplier_member": (200, 404),
    "outsider": (404, 200),
    "coach": (200, 200),
    "programme_admin": (200, 200),
}


def _user(request, persona):
    return None if persona == "anonymous" else request.getfixturevalue(persona)


@pytest.mark.parametrize("persona", PERSONAS)
def test_portal_detail_of_own_and_other_proeftuin(
    request, persona, client_for, partnership_a, partnership_b
):
    client = client_for(_user(request, persona))
    expected_a, expected_b = DETAIL_EXPECTED[persona]
    for partnership, expected in ((partnership_a, expected_a), (partnership_b, expected_b)):
        response = client.get(reverse("partnerships:detail", args=[partnership.pk]))
        assert response.status_code == expected, (persona, partnership)


@pytest.mark.parametrize("persona", PERSONAS)
def test_portal_list_shows_only_visible_proeftuinen(
    request, persona, client_for, partnership_a, partnership_b
):
    client = client_for(_user(request, persona))
    response = client.get(reverse("partnerships:portal"))
    if persona == "anonymous":
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]
        return
    content = response.content.decode()
    sees_a, sees_b = (code == 200 for code in DETAIL_EXPECTED[persona])
    assert ("Proeftuin A" in content) is sees_a
    assert ("Proeftuin B" in content) is sees_b


@pytest.mark.parametrize("persona", PERSONAS)
def test_api_shows_only_visible_proeftuinen(
    request, persona, client_for, partnership_a, partnership_b
):
    client = client_for(_user(request, persona))
    listing = client.get("/api/v1/proeftuinen/")
    if persona == "anonymous":
        assert listing.status_code == 401
        return
    names = {item["name"] for item in listing.json()["items"]}
    expected_a, expected_b = DETAIL_EXPECTED[persona]
    assert ("Proeftuin A" in names) is (expected_a == 200)
    assert ("Proeftuin B" in names) is (expected_b == 200)
    detail = client.get(f"/api/v1/proeftuinen/{partnership_b.pk}/")
    assert detail.status_code == expected_b


BACK_OFFICE_EXPECTED = {
    # persona: (list, edit A, edit B)
    "buyer_member": (302, 302, 302),
    "supplier_member": (302, 302, 302),
    "outsider": (302, 302, 302),
    "coach": (200, 200, 302),
    "programme_admin": (200, 200, 200),
}


@pytest.mark.parametrize("persona", list(BACK_OFFICE_EXPECTED))
def test_back_office_is_for_the_team_and_coaches_edit_their_own(
    request, persona, client_for, partnership_a, partnership_b
):
    client = client_for(_user(request, persona))
    expected = BACK_OFFICE_EXPECTED[persona]
    urls = [
        "/beheer/proeftuinen/",
        f"/beheer/proeftuinen/edit/{partnership_a.pk}/",
        f"/beheer/proeftuinen/edit/{partnership_b.pk}/",
    ]
    for url, code in zip(urls, expected, strict=True):
        response = client.get(url)
        assert response.status_code == code, (persona, url)
        if code == 302:
            # Members are sent to the login page; a coach is sent back with "no permission".
            target = "/beheer/" if persona == "coach" else reverse("accounts:login")
            assert response["Location"].startswith(target), (persona, response["Location"])


def test_member_of_a_party_sees_the_proeftuin(client_for, partnership_a):
    from inkoopkracht.organisations.models import Organisation
    from inkoopkracht.partnerships.models import PartnershipParty
    from inkoopkracht.partnerships.tests.factories import make_member, make_organisation

    sw = make_organisation(kind=Organisation.Kind.SW_COMPANY)
    PartnershipParty.objects.create(
        partnership=partnership_a, organisation=sw, role=PartnershipParty.Role.SW_COMPANY
    )
    client = client_for(make_member(organisation=sw))
    assert client.get(reverse("partnerships:detail", args=[partnership_a.pk])).status_code == 200
