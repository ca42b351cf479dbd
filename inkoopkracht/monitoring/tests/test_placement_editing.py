"""The supplier adds, changes and deletes placements online; bad input gets a Dutch message at
the field, changes nothing, and keeps what was typed."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.monitoring.models import Placement
from inkoopkracht.partnerships.tests.factories import make_organisation

from .factories import make_placement

pytestmark = pytest.mark.django_db


def form_data(partnership, **overrides):
    data = {
        "reference": "HW-100",
        "job_title": "Medewerker schoonmaak",
        "employer": partnership.supplier_id,
        "employment_type": "direct",
        "hirer": "",
        "starts_on": "2026-03-01",
        "ends_on": "",
        "permanent_since": "",
        "register_confirmed_on": "2026-03-10",
        "origin": "jobcarving",
        "contracts": [partnership.contracts.get().pk],
        "hours_per_week": "25,5",
    }
    data.update(overrides)
    return data


def test_the_supplier_adds_a_placement(client_for, supplier_member, partnership_a):
    response = client_for(supplier_member).post(
        reverse("monitoring:placement_create", args=[partnership_a.pk]), form_data(partnership_a)
    )
    assert response.status_code == 302
    placement = Placement.objects.get()
    assert placement.hours.get().hours_per_week == Decimal("25.5")
    assert list(placement.contracts.all()) == list(partnership_a.contracts.all())
    assert AuditRecord.objects.filter(action="placement.created", actor=supplier_member).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("hours_per_week", "0", "meer dan 0 en hoogstens 60"),
        ("hours_per_week", "61", "hoogstens 60"),
        ("ends_on", "2026-02-01", "De einddatum ligt vóór de startdatum."),
        ("reference", "123456782", "lijkt op een BSN"),
        ("reference", "Jan Jansen", "zonder spaties"),
        ("register_confirmed_on", "2030-01-01", "in de toekomst"),
        ("hirer", "OTHER", "Alleen bij detachering en uitzendwerk is er een inlener."),
    ],
)
def test_bad_input_is_reported_at_the_field(
    client_for, supplier_member, partnership_a, field, value, message
):
    if value == "OTHER":
        value = partnership_a.buyer_id
    response = client_for(supplier_member).post(
        reverse("monitoring:placement_create", args=[partnership_a.pk]),
        form_data(partnership_a, **{field: value}),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert 'value="Medewerker schoonmaak"' in page  # what was typed is kept
    assert not Placement.objects.exists()


def test_an_employer_outside_the_proeftuin_cannot_be_chosen(
    client_for, supplier_member, partnership_a
):
    stranger = make_organisation()
    response = client_for(supplier_member).post(
        reverse("monitoring:placement_create", args=[partnership_a.pk]),
        form_data(partnership_a, employer=stranger.pk),
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Placement.objects.exists()


def test_a_reference_is_unique_per_employer(client_for, supplier_member, partnership_a):
    make_placement(partnership=partnership_a, reference="HW-100")
    response = client_for(supplier_member).post(
        reverse("monitoring:placement_create", args=[partnership_a.pk]), form_data(partnership_a)
    )
    assert "Deze werkgever gebruikt deze referentie al." in response.content.decode()
    assert Placement.objects.count() == 1


def test_changing_hours_from_a_date_keeps_the_history(client_for, supplier_member, partnership_a):
    placement = make_placement(partnership=partnership_a, starts_on=date(2026, 1, 1), hours="20")
    client = client_for(supplier_member)
    url = reverse("monitoring:placement_hours", args=[partnership_a.pk, placement.pk])
    bad = client.post(url, {"hours_per_week": "24", "starting": "2025-06-01"})
    assert "niet in vóór de startdatum" in bad.content.decode()
    client.post(url, {"hours_per_week": "24", "starting": "2026-07-01"})
    assert list(placement.hours.values_list("starts_on", "ends_on", "hours_per_week")) == [
        (date(2026, 1, 1), date(2026, 6, 30), Decimal("20")),
        (date(2026, 7, 1), None, Decimal("24")),
    ]


def test_ending_a_placement_and_deleting_a_mistake(client_for, supplier_member, partnership_a):
    placement = make_placement(
        partnership=partnership_a, reference="HW-100", starts_on=date(2026, 3, 1)
    )
    client = client_for(supplier_member)
    edit = reverse("monitoring:placement_edit", args=[partnership_a.pk, placement.pk])
    data = form_data(partnership_a, ends_on="2026-10-31")
    del data["hours_per_week"]
    assert client.post(edit, data).status_code == 302
    placement.refresh_from_db()
    assert placement.ends_on == date(2026, 10, 31)
    delete = reverse("monitoring:placement_delete", args=[partnership_a.pk, placement.pk])
    assert "Ja, verwijderen" in client.get(delete).content.decode()
    client.post(delete)
    assert not Placement.objects.exists()
    assert AuditRecord.objects.filter(action="placement.deleted").exists()


@pytest.mark.parametrize("persona", ["buyer_member", "outsider", "programme_admin"])
def test_others_cannot_change_or_delete_a_placement(request, client_for, partnership_a, persona):
    placement = make_placement(partnership=partnership_a)
    client = client_for(request.getfixturevalue(persona))
    for name in ("placement_edit", "placement_hours", "placement_delete"):
        response = client.post(
            reverse(f"monitoring:{name}", args=[partnership_a.pk, placement.pk]), {}
        )
        assert response.status_code == 404
    assert Placement.objects.filter(pk=placement.pk).exists()
