"""The whole way (issue "Done when"): a supplier imports a file saved by Dutch Excel, fixes the
reported rows, imports again and submits the quarter; the buyer approves; the frozen figures
show on both dashboards, in the command line and in the API."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from inkoopkracht.monitoring.models import ImportJob, Placement, ReportingRound, RoundStatus
from inkoopkracht.partnerships.models import Partnership

from .conftest import dutch_csv

pytestmark = pytest.mark.django_db

FIRST_TRY = [
    ["HW-001", "Medewerker schoonmaak", "direct", "nee", "25,5", "01-02-2026", "", "10-02-2026"],
    ["HW-002", "Medewerker café", "direct", "ja", "20", "15-03-2026", "", "20-03-2026"],
    ["123456782", "Medewerker schoonmaak", "direct", "nee", "24", "01-04-2026", "", "10-04-2026"],
    ["HW-004", "Glazenwasser", "bbl", "nee", "65", "01-05-2026", "", "10-05-2026"],
    ["HW-005", "Medewerker schoonmaak", "direct", "nee", "18,5", "01-06-2026", "", "10-06-2026"],
    ["HW-006", "Medewerker schoonmaak", "direct", "nee", "25,5", "01-07-2026", "", ""],
]


def _upload(client, partnership, rows):
    url = reverse("monitoring:import", args=[partnership.pk])
    return client.post(
        url, {"file": SimpleUploadedFile("export.csv", dutch_csv(rows))}, follow=True
    )


def _import_with_a_fix(client, partnership):
    report = _upload(client, partnership, FIRST_TRY).content.decode()
    assert "Het bestand bevat 2 fouten. Er is niets opgeslagen." in report
    assert "lijkt op een BSN" in report
    assert "hoogstens 60" in report
    assert not Placement.objects.exists()
    fixed = [row[:] for row in FIRST_TRY]
    fixed[2][0] = "HW-003"
    fixed[3][4] = "16"
    assert "Bevestigen en verwerken" in _upload(client, partnership, fixed).content.decode()
    job = ImportJob.objects.latest("pk")
    client.post(reverse("monitoring:import_confirm", args=[partnership.pk, job.pk]))
    assert Placement.objects.count() == 6


def _frozen_figures_everywhere(client_for, buyer_member, supplier_member, partnership):
    # Confirmed on 30 September: 25.5 + 20 + 24 + 16 + 18.5 hours = 104 hours = 4.08 banen.
    for user in (buyer_member, supplier_member):
        page = (
            client_for(user)
            .get(reverse("partnerships:detail", args=[partnership.pk]))
            .content.decode()
        )
        assert "goedgekeurde cijfers" in page
        assert "4,08" in page
    out = StringIO()
    call_command(
        "monitor",
        "--period",
        "2026-Q3",
        "--proeftuin",
        str(partnership.pk),
        "--format",
        "json",
        stdout=out,
    )
    row = json.loads(out.getvalue())["proeftuinen"][0]
    assert (row["bron"], row["banen_einde"], row["personen"]) == ("goedgekeurd", "4.08", 5)
    url = f"/api/v1/monitoring/proeftuinen/{partnership.pk}/cijfers?periode=2026-Q3"
    api = client_for(buyer_member).get(url).json()
    assert (api["bron"], api["versie"], api["banen_einde"], api["personen"]) == (
        "goedgekeurd",
        1,
        "4.08",
        5,
    )
    assert (
        api["nog_te_verifieren_personen"] is None
    )  # one unverified person: suppressed for members


def test_import_fix_import_submit_approve_and_see_the_frozen_figures(
    client_for, supplier_member, buyer_member, partnership_a
):
    Partnership.objects.filter(pk=partnership_a.pk).update(status=Partnership.Status.ACTIVE)
    supplier = client_for(supplier_member)
    _import_with_a_fix(supplier, partnership_a)
    supplier.post(reverse("monitoring:round_submit", args=[partnership_a.pk, "2026-Q3"]))
    client_for(buyer_member).post(
        reverse("monitoring:round_approve", args=[partnership_a.pk, "2026-Q3"])
    )
    assert ReportingRound.objects.get().status == RoundStatus.APPROVED
    _frozen_figures_everywhere(client_for, buyer_member, supplier_member, partnership_a)
