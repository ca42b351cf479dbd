"""The published import template, as CSV (semicolons and a BOM, as Dutch Excel expects) and as
XLSX (a sheet ``plaatsingen`` to fill in and a sheet ``toelichting`` that explains it)."""

import csv
import io

from django.utils.translation import gettext as _

from .columns import COLUMNS


def template_csv() -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerow([c.name for c in COLUMNS])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "plaatsingen"
    sheet.append([c.name for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(
            14, len(column.name) + 2
        )
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("toelichting")
    notes.append([_("kolom"), _("toelichting"), _("voorbeeld")])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        notes.append([column.name, str(column.help), column.example])
    notes.column_dimensions["A"].width = 34
    notes.column_dimensions["B"].width = 100
    notes.column_dimensions["C"].width = 24
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
