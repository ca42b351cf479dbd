"""lib.spreadsheets: CSV and XLSX as Dutch Excel and payroll systems write them, read safely."""

import io
import zipfile
from datetime import date
from decimal import Decimal

import pytest

from inkoopkracht.lib.spreadsheets import (
    Limits,
    SpreadsheetError,
    is_formula,
    parse_date,
    parse_decimal,
    read_spreadsheet,
    safe_cell,
)


def rows(sheet):
    return list(sheet.rows)


def test_dutch_excel_csv_with_semicolons_in_windows_1252():
    data = "Referentie;Functie;Uren per week\r\nA-1;Medewerker café;25,5\r\n".encode("cp1252")
    sheet = read_spreadsheet(data, "export.csv")
    assert sheet.headers == ["referentie", "functie", "uren_per_week"]
    assert rows(sheet) == [(2, ["A-1", "Medewerker café", "25,5"])]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_with_or_without_bom_and_utf16_with_bom(encoding):
    data = "referentie,functie\nA-1,Schoonmaak – avond\n".encode(encoding)
    sheet = read_spreadsheet(data, "export.csv")
    assert sheet.headers == ["referentie", "functie"]
    assert rows(sheet)[0][1] == ["A-1", "Schoonmaak – avond"]


def test_tab_separated_and_blank_lines_are_skipped():
    sheet = read_spreadsheet(b"referentie\tfunctie\n\nA-1\tx\n", "export.txt")
    assert rows(sheet) == [(3, ["A-1", "x"])]


def test_an_unknown_encoding_or_a_binary_file_is_refused():
    with pytest.raises(SpreadsheetError, match="tekenset"):
        read_spreadsheet("referentie\nA-1\n".encode("utf-16-le"), "export.csv")
    with pytest.raises(SpreadsheetError, match="tekenset"):
        read_spreadsheet(b"referentie\n\x81\x8d\x8f\n", "export.csv")


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(SpreadsheetError, match="te groot"):
        read_spreadsheet(b"a\n" * 1000, "big.csv", limits=Limits(max_bytes=100))


def test_too_many_rows_are_refused_while_reading():
    sheet = read_spreadsheet(b"a\n" + b"1\n" * 20, "x.csv", limits=Limits(max_rows=10))
    with pytest.raises(SpreadsheetError, match="meer dan 10 rijen"):
        rows(sheet)


def test_old_excel_and_damaged_xlsx_are_refused_with_advice():
    with pytest.raises(SpreadsheetError, match=".xlsx of .csv"):
        read_spreadsheet(b"\xd0\xcf\x11\xe0rest", "oud.xls")
    with pytest.raises(SpreadsheetError, match="geen geldig Excel"):
        read_spreadsheet(b"PK\x03\x04broken", "kapot.xlsx")


def _xlsx(rows_, sheet="Blad1"):
    from openpyxl import Workbook

    workbook = Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    for row in rows_:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_cells_keep_their_types():
    data = _xlsx(
        [
            ["Referentie", "Uren per week", "Startdatum"],
            ["A-1", 25.5, date(2026, 3, 1)],
            ["A-2", 24, "01-04-2026"],
        ]
    )
    sheet = read_spreadsheet(data, "export.xlsx")
    assert sheet.headers == ["referentie", "uren_per_week", "startdatum"]
    assert rows(sheet) == [(2, ["A-1", 25.5, date(2026, 3, 1)]), (3, ["A-2", 24, "01-04-2026"])]


def test_a_named_sheet_is_preferred():
    from openpyxl import load_workbook

    data = _xlsx([["uitleg"]], sheet="toelichting")
    workbook = load_workbook(io.BytesIO(data))
    workbook.create_sheet("plaatsingen").append(["referentie"])
    workbook["plaatsingen"].append(["A-1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = read_spreadsheet(buffer.getvalue(), "x.xlsx", sheet_name="plaatsingen")
    assert sheet.headers == ["referentie"]


def test_a_spreadsheet_bomb_is_not_opened():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 50_000_000)
    with pytest.raises(SpreadsheetError, match="onredelijk grote omvang"):
        read_spreadsheet(buffer.getvalue(), "bom.xlsx")


def test_formula_cells_are_recognised_but_plain_negative_numbers_are_not():
    assert is_formula("=SUM(A1:A2)")
    assert is_formula("+31 6 1234")
    assert is_formula("@cmd")
    assert is_formula("-2+3")
    assert not is_formula("-5")
    assert not is_formula("-5,5")
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("gewoon") == "gewoon"


def test_xlsx_formulas_arrive_as_text_that_starts_with_an_equals_sign():
    data = _xlsx([["referentie", "uren"], ["A-1", "=10+15.5"]])
    value = rows(read_spreadsheet(data, "f.xlsx"))[0][1][1]
    assert is_formula(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("25,5", Decimal("25.5")),
        ("25.5", Decimal("25.5")),
        ("24", Decimal(24)),
        (25.5, Decimal("25.5")),
    ],
)
def test_decimal_comma_or_point(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["25,5,5", "twintig", "", "1.234,5"])
def test_not_a_number(text):
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text)


@pytest.mark.parametrize("text", ["01-07-2026", "1-7-2026", "01/07/2026", "2026-07-01", "1.7.2026"])
def test_dutch_and_iso_dates(text):
    assert parse_date(text) == date(2026, 7, 1)


@pytest.mark.parametrize("text", ["2026-13-01", "31-02-2026", "juli 2026", "07/01/26"])
def test_not_a_date(text):
    with pytest.raises(ValueError, match="not a date|day is out of range|month must be"):
        parse_date(text)
