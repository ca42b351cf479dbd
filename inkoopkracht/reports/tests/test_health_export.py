"""The exports of the health overview hold all rows of the filtered view, in the order of the
page (every page, not just the one shown: see ``test_health_page_paginates.py``), with cells
that a spreadsheet will not run as formulas; each export is logged as a read."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from inkoopkracht.audit.models import AuditRecord
from inkoopkracht.partnerships.models import Partnership
from inkoopkracht.partnerships.tests.factories import make_action, make_partnership

pytestmark = pytest.mark.django_db

URL = reverse("reports:health")
QUERY = {"sorteer": "-proeftuin", "begeleider": "alle", "status": "oranje"}


@pytest.fixture
def programme(db):
    today = timezone.localdate()
    made = []
    for name in ('=HYPERLINK("http://evil")', "Beta", "Gamma"):
        partnership = make_partnership(
            name=name, status=Partnership.Status.ACTIVE, ambition_jobs=None, ambition_date=None
        )
        make_action(partnership=partnership, due_on=today - timedelta(days=1))
        made.append(partnership)
    make_partnership(name="Gesloten", status=Partnership.Status.COMPLETED)
    return made


def view_names(client) -> list[str]:
    """The rows of the filtered view (one page here: fewer than ``PAGE_SIZE``)."""
    response = client.get(URL, QUERY)
    assert response.context["page"].paginator.num_pages == 1
    return [str(row.partnership) for row in response.context["rows"]]


def test_csv_holds_the_rows_of_the_filtered_view(client_for, programme_admin, programme):
    client = client_for(programme_admin)
    response = client.get(reverse("reports:health_export", args=["csv"]), QUERY)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert lines[0][:3] == ["Proeftuin", "Status", "Redenen"]
    names = [line[0] for line in lines[1:]]
    assert [name.lstrip("'") for name in names] == view_names(client)
    assert len(names) == 3
    assert '\'=HYPERLINK("http://evil")' in names  # formula guarded
    assert lines[1][2] == "1 actie over tijd"


def test_xlsx_holds_the_rows_of_the_filtered_view(client_for, programme_admin, programme):
    client = client_for(programme_admin)
    response = client.get(reverse("reports:health_export", args=["xlsx"]), QUERY)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = list(sheet.iter_rows(values_only=True))
    names = [line[0] for line in cells[1:]]
    assert [name.lstrip("'") for name in names] == view_names(client)
    assert all(not name.startswith("=") for name in names)
    assert cells[1][5] == 1  # overdue actions stay a number


def test_export_is_audited(client_for, programme_admin, programme):
    client_for(programme_admin).get(reverse("reports:health_export", args=["csv"]), QUERY)
    record = AuditRecord.objects.get(action="health.exported")
    assert record.kind == AuditRecord.Kind.READ
    assert sorted(record.data["partnerships"]) == sorted(p.pk for p in programme)


def test_unknown_format_is_404(client_for, programme_admin):
    assert client_for(programme_admin).get(URL + "export.pdf").status_code == 404


def test_anonymous_cannot_export(client):
    response = client.get(reverse("reports:health_export", args=["csv"]))
    assert response.status_code == 302
