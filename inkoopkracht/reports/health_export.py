"""The health overview as CSV (semicolons and a BOM, as Dutch Excel expects) and XLSX: the same
rows and values as the page, every text cell guarded against formula injection."""

import csv
import io

from django.utils.translation import gettext as _

from inkoopkracht.lib.spreadsheets import safe_cell

from .health import HealthRow


def header() -> list[str]:
    return [
        _("Proeftuin"), _("Status"), _("Redenen"), _("Glijpad"), _("Glijpad (% van planning)"),
        _("Acties over tijd"), _("Laatste coachingscontact"), _("Dagen sinds coachingscontact"),
        _("Bijeenkomsten bijgewoond"), _("Bijeenkomsten verwacht"), _("Stap"), _("Dagen in stap"),
        _("Cohort"), _("Sector"), _("Begeleiders"), _("Status proeftuin"),
    ]  # fmt: skip


def values(row: HealthRow) -> list:
    """One row as plain values (numbers stay numbers; ``None`` is an empty cell)."""
    partnership, glide, participation = row.partnership, row.glide, row.participation
    return [
        str(partnership),
        row.status.label,
        row.reason_text,
        glide.status.label if glide else "",
        row.glide_percent,
        row.overdue_actions,
        row.last_coaching_on.isoformat() if row.last_coaching_on else "",
        row.days_since_coaching,
        participation.events if participation else None,
        participation.expected if participation else None,
        partnership.current_step_id,
        row.days_in_step,
        partnership.cohort.number,
        partnership.get_work_sector_display(),
        ", ".join(str(coach) for coach in row.coaches),
        partnership.get_status_display(),
    ]


def table(rows: list[HealthRow]) -> list[list]:
    """The header and the rows, as the exports write them."""
    return [header(), *(values(row) for row in rows)]


def as_csv(rows: list[HealthRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for line in table(rows):
        writer.writerow([safe_cell(cell) for cell in line])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx_cell(value):
    if value is None or isinstance(value, int | float):
        return value
    if hasattr(value, "as_tuple"):  # Decimal
        return float(value)
    return safe_cell(value)


def as_xlsx(rows: list[HealthRow]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "gezondheid"
    for line in table(rows):
        sheet.append([_xlsx_cell(cell) for cell in line])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for letter, width in (("A", 40), ("B", 18), ("C", 70)):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
