"""The published import template: CSV for Dutch Excel and XLSX with instructions; both read back."""

import io

import pytest
from django.urls import reverse

from inkoopkracht.lib.spreadsheets import read_spreadsheet
from inkoopkracht.monitoring.importing import COLUMN_NAMES


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_template_has_every_column_and_reads_back(client, fmt):
    response = client.get(reverse("monitoring:import_template", args=[fmt]))
    assert response.status_code == 200
    assert f'filename="plaatsingen-sjabloon.{fmt}"' in response["Content-Disposition"]
    sheet = read_spreadsheet(response.content, f"sjabloon.{fmt}", sheet_name="plaatsingen")
    assert sheet.headers == COLUMN_NAMES
    assert list(sheet.rows) == []


@pytest.mark.django_db
def test_the_csv_template_opens_in_dutch_excel():
    from inkoopkracht.monitoring.importing.template import template_csv

    data = template_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"referentie;functie;werkgever_kvk" in data


def test_the_xlsx_template_explains_every_column():
    from openpyxl import load_workbook

    from inkoopkracht.monitoring.importing.template import template_xlsx

    workbook = load_workbook(io.BytesIO(template_xlsx()))
    notes = [row[0] for row in workbook["toelichting"].iter_rows(min_row=2, values_only=True)]
    assert notes == COLUMN_NAMES


@pytest.mark.django_db
def test_an_unknown_template_format_is_a_404(client):
    assert client.get(reverse("monitoring:import_template", args=["pdf"])).status_code == 404
