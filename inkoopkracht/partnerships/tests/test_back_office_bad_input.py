"""Proeftuinen and contracts in the back office: rules across fields, nothing saved on error."""

import pytest
from django.core.exceptions import ValidationError

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.partnerships import services
from inkoopkracht.partnerships.models import Contract, Partnership, StepChange
from inkoopkracht.partnerships.tests.factories import (
    make_buyer,
    make_cohort,
    make_contract,
    make_organisation,
)

FORMSETS = {
    f"{prefix}-{key}": value
    for prefix in ("parties", "milestones")
    for key, value in (
        ("TOTAL_FORMS", "0"),
        ("INITIAL_FORMS", "0"),
        ("MIN_NUM_FORMS", "0"),
        ("MAX_NUM_FORMS", "1000"),
    )
}


@pytest.fixture
def admin_client(client_for, programme_admin):
    return client_for(programme_admin)


@pytest.fixture
def pair(db):
    buyer, supplier = make_buyer(), make_organisation()
    return buyer, supplier, make_contract(buyer=buyer, supplier=supplier)


def partnership_form(buyer, supplier, contracts=(), **overrides):
    data = {
        "name": "",
        "buyer": buyer.pk if buyer else "",
        "supplier": supplier.pk if supplier else "",
        "cohort": make_cohort().pk,
        "route": Partnership.Route.EXISTING_CONTRACT,
        "work_sector": Partnership.WorkSector.SCHOONMAAK,
        "contracts": [c.pk for c in contracts],
        "summary": "",
        "status": Partnership.Status.ACTIVE,
        "current_step": "1",
        "change_reason": "",
        "applied_on": "",
        "started_on": "2026-01-05",
        "ended_on": "",
        "baseline_jobs": "0",
        "baseline_date": "2026-01-01",
        "ambition_jobs": "5",
        "ambition_date": "2028-12-31",
        **FORMSETS,
    }
    data.update(overrides)
    return data


def test_team_creates_a_proeftuin(admin_client, pair):
    buyer, supplier, contract = pair
    response = admin_client.post(
        "/beheer/proeftuinen/new/", partnership_form(buyer, supplier, [contract])
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    partnership = Partnership.objects.get()
    assert str(partnership) == f"{buyer.name} en {supplier.name}"
    assert list(partnership.contracts.all()) == [contract]
    assert partnership.status_changes.get().status == Partnership.Status.ACTIVE
    assert AuditRecord.objects.filter(action="partnership.created").exists()


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("no_buyer", "Dit is een verplicht veld"),
        ("no_supplier", "Dit is een verplicht veld"),
        ("supplier_as_buyer", "Selecteer een geldige keuze"),
        ("ends_before_start", "De einddatum ligt vóór de startdatum"),
        ("contract_of_another_buyer", "is van een andere opdrachtgever"),
        ("ambition_without_date", "Vul in wanneer de ambitie gehaald moet zijn"),
        ("negative_ambition", "Zorg ervoor dat deze waarde"),
    ],
)
def test_invalid_proeftuin_is_refused(admin_client, pair, case, message):
    buyer, supplier, contract = pair
    contracts = [contract]
    overrides = {}
    if case == "no_buyer":
        buyer = None
    elif case == "no_supplier":
        supplier = None
    elif case == "supplier_as_buyer":
        buyer = make_organisation()
    elif case == "ends_before_start":
        overrides["ended_on"] = "2025-12-31"
    elif case == "contract_of_another_buyer":
        other = make_buyer()
        contracts = [make_contract(buyer=other, supplier=supplier)]
    elif case == "ambition_without_date":
        overrides["ambition_date"] = ""
    elif case == "negative_ambition":
        overrides["ambition_jobs"] = "-1"
    response = admin_client.post(
        "/beheer/proeftuinen/new/", partnership_form(buyer, supplier, contracts, **overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Partnership.objects.exists()


def test_service_refuses_a_buyer_that_is_not_a_government(pair):
    _buyer, supplier, _contract = pair
    with pytest.raises(ValidationError) as error:
        services.create_partnership(
            by=None,
            buyer=make_organisation(),
            supplier=supplier,
            cohort=make_cohort(),
            route=Partnership.Route.NEW_TENDER,
            work_sector=Partnership.WorkSector.GROEN,
        )
    assert "overheidsopdrachtgever" in str(error.value)
    assert not Partnership.objects.exists()


def test_skipping_steps_needs_a_reason(admin_client, pair):
    buyer, supplier, contract = pair
    admin_client.post("/beheer/proeftuinen/new/", partnership_form(buyer, supplier, [contract]))
    partnership = Partnership.objects.get()
    url = f"/beheer/proeftuinen/edit/{partnership.pk}/"
    skipped = partnership_form(buyer, supplier, [contract], current_step="4")
    response = admin_client.post(url, skipped)
    assert "U slaat een of meer stappen over" in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.current_step_id == 1

    skipped["change_reason"] = "Werk al geanalyseerd in het vorige contract"
    assert admin_client.post(url, skipped).status_code == 302
    partnership.refresh_from_db()
    assert partnership.current_step_id == 4
    assert (
        StepChange.objects.filter(partnership=partnership, step=4).get().reason.startswith("Werk")
    )


def test_contract_ending_before_it_starts_is_refused(admin_client, pair):
    buyer, supplier, _contract = pair
    data = {
        "title": "Catering",
        "buyer": buyer.pk,
        "supplier": supplier.pk,
        "reference": "X-1",
        "cpv_code": "55520000-1",
        "value_eur": "100000",
        "social_return_percentage": "5",
        "starts_on": "2026-01-01",
        "ends_on": "2025-01-01",
    }
    response = admin_client.post("/beheer/contracten/new/", data)
    assert "De einddatum ligt vóór de ingangsdatum" in response.content.decode()
    data.update(ends_on="2027-01-01", cpv_code="5552")
    response = admin_client.post("/beheer/contracten/new/", data)
    assert "Een CPV-code heeft de vorm" in response.content.decode()
    assert Contract.objects.count() == 1


def test_stopping_needs_a_reason(pair):
    from inkoopkracht.partnerships.tests.factories import make_partnership

    partnership = make_partnership()
    with pytest.raises(services.PartnershipError, match="reden"):
        services.change_status(partnership=partnership, status=Partnership.Status.STOPPED, by=None)
    services.change_status(
        partnership=partnership, status=Partnership.Status.STOPPED, by=None, reason="Contract over"
    )
    partnership.refresh_from_db()
    assert partnership.ended_on is not None
