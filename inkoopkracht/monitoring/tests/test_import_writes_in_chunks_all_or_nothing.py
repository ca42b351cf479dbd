"""Import in chunks: rows are checked and written a chunk at a time inside one transaction, so
an error in any chunk (also the last) stores nothing, a reference repeated in a later chunk is
reported, and the report lists the errors of every chunk."""

import pytest

from inkoopkracht.monitoring import services
from inkoopkracht.monitoring.importing import plan as planning
from inkoopkracht.monitoring.models import ImportJob, ImportStatus, Placement, PlacementHours
from inkoopkracht.monitoring.services.errors import MonitoringError

from .conftest import dutch_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(planning, "CHUNK_ROWS", 2)


def rows(count: int, hours: str = "20") -> list[list[str]]:
    return [
        [f"HW-{n:03}", "Medewerker schoonmaak", "direct", "nee", hours, "01-03-2026", "", ""]
        for n in range(1, count + 1)
    ]


def import_now(partnership, by, data):
    return services.import_directly(partnership=partnership, by=by, filename="x.csv", data=data)


def test_a_file_of_several_chunks_is_stored_whole_and_twice_changes_nothing(
    supplier_member, partnership_a
):
    job, plan = import_now(partnership_a, supplier_member, dutch_csv(rows(5)))
    assert job.status == ImportStatus.APPLIED
    assert plan.counts()["nieuw"] == 5
    assert Placement.objects.count() == PlacementHours.objects.count() == 5
    before = list(Placement.objects.values().order_by("pk"))
    job, plan = import_now(partnership_a, supplier_member, dutch_csv(rows(5)))
    assert plan.counts() == {"nieuw": 0, "gewijzigd": 0, "beeindigd": 0, "ongewijzigd": 5}
    assert list(Placement.objects.values().order_by("pk")) == before


def test_an_error_in_the_last_chunk_stores_nothing(supplier_member, partnership_a):
    data = rows(5)
    data[4][4] = "0"  # hours: row 6 of the file, in the third chunk
    job, plan = import_now(partnership_a, supplier_member, dutch_csv(data))
    assert job is None
    assert [(e.row, e.column) for e in plan.errors] == [(6, "uren_per_week")]
    assert not Placement.objects.exists()
    assert not PlacementHours.objects.exists()
    assert not ImportJob.objects.exists()


def test_a_reference_repeated_in_a_later_chunk_is_reported_and_nothing_stored(
    supplier_member, partnership_a
):
    data = rows(4)
    data.append(list(data[0]))  # HW-001 again, in the third chunk
    job, plan = import_now(partnership_a, supplier_member, dutch_csv(data))
    assert job is None
    assert [(e.row, e.column) for e in plan.errors] == [(6, "referentie")]
    assert "rij 2" in plan.errors[0].message
    assert not Placement.objects.exists()


def test_the_report_lists_the_errors_of_every_chunk(supplier_member, partnership_a):
    data = rows(6)
    data[0][4] = "0"
    data[5][5] = "31-02-2026"
    job = services.receive_import(
        partnership=partnership_a, by=supplier_member, filename="x.csv", data=dutch_csv(data)
    )
    assert job.status == ImportStatus.REJECTED
    assert [(e["row"], e["column"]) for e in job.report["errors"]] == [
        (2, "uren_per_week"),
        (7, "startdatum"),
    ]
    assert job.report["counts"] == {"nieuw": 0, "gewijzigd": 0, "beeindigd": 0, "ongewijzigd": 0}


def test_confirming_a_file_that_fails_in_its_last_chunk_on_recheck_stores_nothing(
    supplier_member, partnership_a
):
    job = services.receive_import(
        partnership=partnership_a, by=supplier_member, filename="x.csv", data=dutch_csv(rows(5))
    )
    assert job.status == ImportStatus.CHECKED
    data = rows(5)
    data[4][4] = "0"
    ImportJob.objects.filter(pk=job.pk).update(content=dutch_csv(data))  # as if changed since
    job.refresh_from_db()
    with pytest.raises(MonitoringError):
        services.apply_import(job=job, by=supplier_member)
    job.refresh_from_db()
    assert job.status == ImportStatus.REJECTED
    assert [(e["row"], e["column"]) for e in job.report["errors"]] == [(6, "uren_per_week")]
    assert not Placement.objects.exists()
