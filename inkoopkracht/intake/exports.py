"""CSV exports of the intake, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be run as a
formula by Excel or LibreOffice (CSV/formula injection, OWASP ASVS 1.2.10). Such a cell is
prefixed with an apostrophe, which spreadsheets show as text.
"""

import csv
import io

from django.utils.translation import gettext as _

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(header: list[str], rows: list[list]) -> str:
    """CSV with a byte-order mark and semicolons, as Dutch Excel expects."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return "\ufeff" + buffer.getvalue()


def address_labels(orders) -> str:
    """One row per guide order: who, where, how many."""
    header = [_("Naam"), _("Organisatie"), _("Straat en huisnummer"), _("Postcode"), _("Plaats"),
              _("Aantal")]  # fmt: skip
    rows = [[o.name, o.organisation, o.street, o.postal_code, o.city, o.copies] for o in orders]
    return to_csv(header, rows)
