"""Import: a preview first (nothing stored), then one transaction; the same file twice changes
nothing; large files are checked in the background with a progress bar."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.models import ImportJob, ImportStatus, Placement

from .conftest import dutch_csv

pytestmark = pytest.mark.django_db

ROWS = [
    ["HW-001", "Medewerker schoonmaak", "direct", "nee", "25,5", "01-03-2026", "", "15-03-2026"],
    ["HW-002", "Medewerker schoonmaak", "direct", "ja", "18", "01-06-2026", "", ""],
]


def upload(client, partnership, data, name="plaatsingen.csv"):
    url = reverse("monitoring:import", args=[partnership.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def test_the_preview_stores_no_placements_and_confirming_applies_them(
    client_for, supplier_member, partnership_a
):
    client = client_for(supplier_member)
    response = upload(client, partnership_a, dutch_csv(ROWS))
    job = ImportJob.objects.get()
    assert response.status_code == 302
    assert job.status == ImportStatus.CHECKED
    assert not Placement.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "HW-001" in page
    assert "Bevestigen en verwerken" in page
    client.post(reverse("monitoring:import_confirm", args=[partnership_a.pk, job.pk]))
    job.refresh_from_db()
    assert job.status == ImportStatus.APPLIED
    assert job.content is None  # the file is not kept once applied
    first = Placement.objects.get(reference="HW-001")
    assert first.employer == partnership_a.supplier
    assert first.hours.get().hours_per_week == Decimal("25.5")
    assert Placement.objects.get(reference="HW-002").permanent_since == date(2026, 6, 1)
    assert AuditRecord.objects.filter(action="import.applied", actor=supplier_member).exists()


def test_a_file_with_errors_cannot_be_confirmed(client_for, supplier_member, partnership_a):
    client = client_for(supplier_member)
    bad = [[*ROWS[0][:4], "0", *ROWS[0][5:]]]
    upload(client, partnership_a, dutch_csv(bad))
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED
    page = client.get(
        reverse("monitoring:import_job", args=[partnership_a.pk, job.pk])
    ).content.decode()
    assert "Er is niets opgeslagen" in page
    assert "uren_per_week" in page
    assert "Bevestigen en verwerken" not in page
    client.post(reverse("monitoring:import_confirm", args=[partnership_a.pk, job.pk]))
    assert not Placement.objects.exists()


def _apply(partnership, by, data):
    job = services.receive_import(partnership=partnership, by=by, filename="x.csv", data=data)
    return services.apply_import(job=job, by=by)


def test_the_same_file_twice_changes_nothing(supplier_member, partnership_a):
    _apply(partnership_a, supplier_member, dutch_csv(ROWS))
    before = list(Placement.objects.values().order_by("pk"))
    hours_before = list(
        Placement.objects.values_list("hours__starts_on", "hours__hours_per_week").order_by("pk")
    )
    second = services.receive_import(
        partnership=partnership_a, by=supplier_member, filename="x.csv", data=dutch_csv(ROWS)
    )
    assert second.report["counts"] == {"nieuw": 0, "gewijzigd": 0, "beeindigd": 0, "ongewijzigd": 2}
    services.apply_import(job=second, by=supplier_member)
    assert list(Placement.objects.values().order_by("pk")) == before
    assert (
        list(
            Placement.objects.values_list("hours__starts_on", "hours__hours_per_week").order_by(
                "pk"
            )
        )
        == hours_before
    )


def test_the_preview_shows_new_changed_and_ended_placements(supplier_member, partnership_a):
    _apply(partnership_a, supplier_member, dutch_csv(ROWS))
    header = ["referentie", "uren_per_week", "uren_per_week_vanaf", "einddatum", "startdatum"]
    rows = [
        ["HW-001", "20", "01-10-2026", "", "01-03-2026"],
        ["HW-002", "18", "", "31-10-2026", "01-06-2026"],
        ["HW-003", "12", "", "", "01-11-2026"],
    ]
    data = dutch_csv(rows, header)
    job = services.receive_import(
        partnership=partnership_a, by=supplier_member, filename="x.csv", data=data
    )
    changes = {c["reference"]: c for c in job.report["changes"]}
    assert job.report["counts"] == {"nieuw": 1, "gewijzigd": 1, "beeindigd": 1, "ongewijzigd": 0}
    assert changes["HW-003"]["kind"] == "nieuw"
    assert changes["HW-002"]["kind"] == "beeindigd"
    assert any("uren: 25,5 → 20 vanaf 01-10-2026" in d for d in changes["HW-001"]["details"])


def test_hours_changed_by_import_keep_their_history(supplier_member, partnership_a):
    _apply(partnership_a, supplier_member, dutch_csv(ROWS))
    data = dutch_csv(
        [["HW-001", "20", "01-10-2026"]], ["referentie", "uren_per_week", "uren_per_week_vanaf"]
    )
    _apply(partnership_a, supplier_member, data)
    history = list(
        Placement.objects.get(reference="HW-001").hours.values_list(
            "starts_on", "ends_on", "hours_per_week"
        )
    )
    assert history == [
        (date(2026, 3, 1), date(2026, 9, 30), Decimal("25.5")),
        (date(2026, 10, 1), None, Decimal("20")),
    ]


def test_confirming_rechecks_against_placements_changed_since_the_preview(
    supplier_member, partnership_a
):
    job = services.receive_import(
        partnership=partnership_a, by=supplier_member, filename="x.csv", data=dutch_csv(ROWS)
    )
    services.create_placement(
        partnership=partnership_a,
        by=supplier_member,
        reference="HW-001",
        starts_on=date(2026, 9, 1),
        hours_per_week=Decimal(10),
        ends_on=date(2026, 9, 30),
    )
    done = services.apply_import(job=job, by=supplier_member)
    assert done.status == ImportStatus.APPLIED
    assert (
        Placement.objects.get(reference="HW-001").ends_on is None
    )  # the file's state wins, on re-check


def test_a_large_file_is_checked_in_the_background_with_progress(
    client_for, supplier_member, partnership_a, settings, django_capture_on_commit_callbacks
):
    settings.IMPORT_BACKGROUND_BYTES = 10
    client = client_for(supplier_member)
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, partnership_a, dutch_csv(ROWS))
    job = ImportJob.objects.get()
    assert job.in_background
    assert job.status == ImportStatus.CHECKED  # the test task backend runs tasks at once
    assert job.rows_done == job.rows_total == 2
    page = client.get(response["Location"]).content.decode()
    assert "Bevestigen en verwerken" in page


def test_the_progress_bar_polls_with_htmx_and_has_a_refresh_link(
    client_for, supplier_member, partnership_a
):
    job = ImportJob.objects.create(
        partnership=partnership_a,
        created_by=supplier_member,
        filename="groot.csv",
        size=10,
        sha256="0" * 64,
        content=b"x",
        status=ImportStatus.CHECKING,
        rows_total=1000,
        rows_done=250,
        in_background=True,
    )
    client = client_for(supplier_member)
    url = reverse("monitoring:import_job", args=[partnership_a.pk, job.pk])
    page = client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="{url}"' in page
    assert '<progress max="100" value="25"' in page
    assert f'<a href="{url}">Vernieuwen</a>' in page
    fragment = client.get(
        url, headers={"HX-Request": "true", "HX-Target": "import-status"}
    ).content.decode()
    assert fragment.lstrip().startswith('<div id="import-status"')
    assert "<html" not in fragment


def test_an_excel_file_is_imported_like_a_csv(supplier_member, partnership_a):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "plaatsingen"
    sheet.append(
        [
            "referentie",
            "uren_per_week",
            "startdatum",
            "doelgroepregister_bevestigd_op",
            "vast_contract",
        ]
    )
    sheet.append(["X-1", 25.5, date(2026, 3, 1), date(2026, 3, 15), "Ja"])
    sheet.append([1234, 20, "01-04-2026", None, False])
    buffer = io.BytesIO()
    workbook.save(buffer)
    job = services.receive_import(
        partnership=partnership_a, by=supplier_member, filename="x.xlsx", data=buffer.getvalue()
    )
    assert job.status == ImportStatus.CHECKED, job.report
    services.apply_import(job=job, by=supplier_member)
    assert set(Placement.objects.values_list("reference", flat=True)) == {"X-1", "1234"}


def test_a_file_over_the_limit_is_refused_at_the_upload_field(
    client_for, supplier_member, partnership_a, settings
):
    settings.IMPORT_MAX_BYTES = 100
    response = upload(client_for(supplier_member), partnership_a, dutch_csv(ROWS))
    assert response.status_code == 200
    assert "Het bestand is te groot" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize("persona", ["buyer_member", "outsider", "programme_admin"])
def test_only_the_supplier_side_imports(request, client_for, partnership_a, persona):
    client = client_for(request.getfixturevalue(persona))
    assert upload(client, partnership_a, dutch_csv(ROWS)).status_code == 404
    assert not ImportJob.objects.exists()
