"""Individual placements: the supplier sees and manages them; an employer party its own; the
buyer and the programme team see figures only. Every read of a list is logged with a purpose."""

from datetime import date

import pytest
from django.urls import reverse

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.organisations.models import Organisation
from inkoopkracht.partnerships.models import PartnershipParty
from inkoopkracht.partnerships.tests.factories import make_member, make_organisation

from .factories import make_placement

pytestmark = pytest.mark.django_db

EXPECTED = {
    # persona: (placement list of A, add form of A)
    "anonymous": (302, 302),
    "supplier_member": (200, 200),
    "buyer_member": (404, 404),
    "outsider": (404, 404),
    "coach": (404, 404),
    "programme_admin": (404, 404),
}


@pytest.mark.parametrize("persona", list(EXPECTED))
def test_who_may_open_the_placements_of_a_proeftuin(request, client_for, partnership_a, persona):
    make_placement(partnership=partnership_a, reference="ZICHTBAAR-1")
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = client_for(user)
    listing = client.get(reverse("monitoring:placements", args=[partnership_a.pk]))
    create = client.get(reverse("monitoring:placement_create", args=[partnership_a.pk]))
    assert (listing.status_code, create.status_code) == EXPECTED[persona]
    if listing.status_code == 200:
        assert "ZICHTBAAR-1" in listing.content.decode()


def test_reading_the_list_is_logged_with_who_and_why(client_for, supplier_member, partnership_a):
    make_placement(partnership=partnership_a)
    client_for(supplier_member).get(reverse("monitoring:placements", args=[partnership_a.pk]))
    record = AuditRecord.objects.reads().get(action="placement.list_viewed")
    assert record.actor == supplier_member
    assert record.purpose.startswith("Plaatsingen bekijken")
    assert record.target_id == str(partnership_a.pk)


def test_an_employer_party_sees_only_its_own_placements(client_for, partnership_a):
    sw = make_organisation(
        kind=Organisation.Kind.SW_COMPANY, sector=Organisation.Sector.OVERHEID, subsector="gemeente"
    )
    PartnershipParty.objects.create(partnership=partnership_a, organisation=sw, role="sw_bedrijf")
    make_placement(partnership=partnership_a, reference="SW-1", employer=sw)
    make_placement(partnership=partnership_a, reference="LEV-1")
    member = make_member(organisation=sw)
    page = (
        client_for(member)
        .get(reverse("monitoring:placements", args=[partnership_a.pk]))
        .content.decode()
    )
    assert "SW-1" in page
    assert "LEV-1" not in page
    assert (
        client_for(member)
        .get(reverse("monitoring:placement_create", args=[partnership_a.pk]))
        .status_code
        == 404
    )


def test_the_buyer_sees_no_reference_anywhere_on_the_proeftuin_pages(
    client_for, buyer_member, partnership_a
):
    make_placement(partnership=partnership_a, reference="GEHEIM-1")
    client = client_for(buyer_member)
    for name in ("partnerships:detail", "monitoring:dashboard"):
        page = client.get(reverse(name, args=[partnership_a.pk])).content.decode()
        assert "GEHEIM-1" not in page


def _queries(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(100) as captured:
        client.get(url)
    return len(captured)


def test_the_list_takes_the_same_number_of_queries_for_3_or_12_placements(
    client_for, supplier_member, partnership_a, django_assert_max_num_queries
):
    client = client_for(supplier_member)
    url = reverse("monitoring:placements", args=[partnership_a.pk])
    for number in range(3):
        make_placement(partnership=partnership_a, reference=f"Q-{number}")
    client.get(url)  # warm the caches (content types, session)
    few = _queries(client, url, django_assert_max_num_queries)
    for number in range(3, 12):
        make_placement(partnership=partnership_a, reference=f"Q-{number}")
    assert _queries(client, url, django_assert_max_num_queries) == few


def test_the_list_filters_and_searches(client_for, supplier_member, partnership_a):
    for number in range(12):
        make_placement(
            partnership=partnership_a,
            reference=f"Q-{number}",
            confirmed=number % 3 != 0,
            ends_on=date(2026, 6, 30) if number % 4 == 0 else None,
        )
    client = client_for(supplier_member)
    url = reverse("monitoring:placements", args=[partnership_a.pk])
    assert client.get(url).content.decode().count("<tr>") == 13
    unverified = client.get(url, {"toon": "te-verifieren"}).content.decode()
    assert unverified.count('class="tag tag--te-verifieren"') == 4
    assert client.get(url, {"toon": "beeindigd"}).content.decode().count("<tr>") == 4
    found = client.get(url, {"zoek": "Q-11"}).content.decode()
    assert "Q-11" in found
    assert "Q-10" not in found
