"""Reading uploaded CSV and XLSX files safely, as Dutch Excel and payroll systems write them.

``read_spreadsheet(data, filename, limits=Limits(...))`` returns a ``Sheet``: normalised
headers and an iterator of ``(row_number, values)``. It refuses, with a Dutch message
(``SpreadsheetError``), files that are too big, spreadsheet (zip) bombs, old Excel formats,
binary files and text in an unknown encoding. It understands:

- CSV with ``;``, ``,`` or tab (sniffed from the header line), in UTF-8 with or without BOM,
  UTF-16 with BOM, or Windows-1252 (what Dutch Excel saves as "CSV (gescheiden door
  lijstscheidingsteken)");
- XLSX (first sheet, or the sheet named in ``sheet_name``), read-only and through defusedxml.

Cell helpers: ``parse_decimal`` (decimal comma or point), ``parse_date`` (``dd-mm-jjjj``,
``d-m-jjjj``, ``dd/mm/jjjj`` or ISO, and real Excel dates), ``is_formula`` (a cell starting
with ``=``, ``+``, ``-``, ``@``, tab or carriage return that is not a plain number: formula
injection) and ``safe_cell`` for writing CSV that a spreadsheet will not execute.
"""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message is for the user (Dutch)."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 25 * 1024 * 1024
    max_rows: int = 500_000
    max_columns: int = 100
    max_unzipped_bytes: int = 300 * 1024 * 1024  # XLSX: all parts together, unpacked
    max_zip_ratio: int = 200  # XLSX: unpacked size / packed size


@dataclass
class Sheet:
    headers: list[str]  # normalised: lower case, spaces and dashes as underscores
    rows: Iterator[tuple[int, list]]  # (row number as the user sees it, values)
    estimated_rows: int  # for a progress bar; may be a little off
    kind: str  # csv | xlsx


def normalise_header(value) -> str:
    text = str(value or "").strip().lower().lstrip("\ufeff")
    return re.sub(r"[\s\-]+", "_", text)


def is_formula(value) -> bool:
    """A text cell a spreadsheet would run as a formula (a plain number like -5 is fine)."""
    if not isinstance(value, str) or not value:
        return False
    return value.startswith(FORMULA_PREFIXES) and not _NUMBER.match(value.strip())


def safe_cell(value) -> str:
    """For CSV output: text that would start a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula(text) else text


def parse_decimal(value) -> Decimal:
    """``25,5``, ``25.5``, ``25`` or a number cell; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))
    text = str(value).strip().replace(" ", "")
    if not _NUMBER.match(text):
        raise ValueError(f"not a number: {value!r}")
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"not a number: {value!r}") from exc


def parse_date(value) -> date:
    """``31-12-2026``, ``1-7-2026``, ``31/12/2026``, ``2026-12-31`` or a date cell."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _DUTCH_DATE.match(text)
    if match:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    match = _ISO_DATE.match(text)
    if match:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    raise ValueError(f"not a date: {value!r}")


def read_spreadsheet(
    data: bytes, filename: str, *, limits: Limits = Limits(), sheet_name: str = ""
) -> Sheet:
    """Open an uploaded file (see the module doc); raises ``SpreadsheetError``."""
    if len(data) > limits.max_bytes:
        raise SpreadsheetError(
            _("Het bestand is te groot (%(size)s MB); de grens is %(max)s MB.")
            % {"size": round(len(data) / 1024 / 1024, 1), "max": limits.max_bytes // 1024 // 1024}
        )
    if not data or data.isspace():  # (``data.strip()`` would copy the whole file)
        raise SpreadsheetError(_("Het bestand is leeg."))
    name = (filename or "").lower()
    if data.startswith(_OLE_MAGIC) or name.endswith((".xls", ".ods")):
        raise SpreadsheetError(
            _("Dit bestandsformaat wordt niet ondersteund. Sla het bestand op als .xlsx of .csv.")
        )
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(data, limits, sheet_name)
    if name.endswith(".xlsx"):
        raise SpreadsheetError(_("Dit is geen geldig Excel-bestand (.xlsx)."))
    return _read_csv(data, limits)


# --- CSV --------------------------------------------------------------------------------------


_PIECE = 1024 * 1024  # bytes decoded at a time when checking an encoding


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether all of ``data`` decodes in ``encoding``, checked a piece at a time (no copy)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _PIECE):
            decoder.decode(view[start : start + _PIECE], final=start + _PIECE >= len(data))
    except UnicodeDecodeError:
        return False
    return True


def text_encoding(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; else SpreadsheetError."""
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        if b"\x00" in data:
            raise SpreadsheetError(
                _(
                    "Dit bestand is geen tekstbestand of heeft een onbekende tekenset. Sla het op als CSV (UTF-8) of .xlsx."
                )
            )
        if _decodes(data, "utf-8"):
            return "utf-8"
        encoding = "cp1252"
    if not _decodes(data, encoding):
        raise SpreadsheetError(
            _("De tekenset van dit bestand is onbekend. Sla het op als CSV (UTF-8) of .xlsx.")
        )
    return encoding


def _text_lines(data: bytes, encoding: str) -> Iterator[str]:
    """The lines of ``data`` with their endings, decoded as they are read: the file's text is
    never in memory as a whole."""
    return io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")


def sniff_delimiter(line: str) -> str:
    """The most frequent of ``;``, ``,`` and tab outside quotes in the header line."""
    unquoted = re.sub(r'"[^"]*"', "", line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ";"))
    return best if counts[best] else ","


def _read_csv(data: bytes, limits: Limits) -> Sheet:
    encoding = text_encoding(data)
    first_line = next((line for line in _text_lines(data, encoding) if line.strip()), "")
    reader = csv.reader(_text_lines(data, encoding), delimiter=sniff_delimiter(first_line))
    headers, header_number = None, 0
    for number, values in enumerate(reader, start=1):
        if any(v.strip() for v in values):
            headers, header_number = values, number
            break
    if headers is None:
        raise SpreadsheetError(_("Het bestand bevat geen kolomkoppen."))
    if len(headers) > limits.max_columns:
        raise SpreadsheetError(_("Het bestand heeft te veel kolommen."))
    estimate = max(0, data.count(b"\n") - header_number + 1)

    def rows():
        count = 0
        for number, values in enumerate(reader, start=header_number + 1):
            if not any(v.strip() for v in values):
                continue
            count += 1
            if count > limits.max_rows:
                raise SpreadsheetError(
                    _("Het bestand heeft meer dan %(max)s rijen.") % {"max": limits.max_rows}
                )
            yield number, [v.strip() for v in values]

    return Sheet([normalise_header(h) for h in headers], rows(), estimate, "csv")


# --- XLSX -------------------------------------------------------------------------------------


def _check_zip(data: bytes, limits: Limits) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise SpreadsheetError(_("Dit is geen geldig Excel-bestand (.xlsx).")) from exc
    unpacked = sum(info.file_size for info in infos)
    packed = max(1, sum(info.compress_size for info in infos))
    if (
        len(infos) > 1000
        or unpacked > limits.max_unzipped_bytes
        or unpacked / packed > limits.max_zip_ratio
    ):
        raise SpreadsheetError(
            _("Dit Excel-bestand pakt uit tot een onredelijk grote omvang en wordt niet geopend.")
        )
    if "xl/workbook.xml" not in {info.filename for info in infos}:
        raise SpreadsheetError(_("Dit is geen geldig Excel-bestand (.xlsx)."))


def _cell(value):
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def _xlsx_headers(iterator, limits: Limits) -> tuple[list, int]:
    """The first non-empty row (without trailing empty cells) and its number."""
    for number, values in enumerate(iterator, start=1):
        if any(v not in (None, "") for v in values):
            headers = list(values)
            while headers and headers[-1] in (None, ""):
                headers.pop()
            if len(headers) > limits.max_columns:
                raise SpreadsheetError(_("Het bestand heeft te veel kolommen."))
            return headers, number
    raise SpreadsheetError(_("Het bestand bevat geen kolomkoppen."))


def _read_xlsx(data: bytes, limits: Limits, sheet_name: str) -> Sheet:
    _check_zip(data, limits)
    import openpyxl  # local import: heavy, and only needed for Excel files

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(
            _("Dit Excel-bestand is beschadigd of kan niet worden gelezen.")
        ) from exc
    names = {name.lower(): name for name in workbook.sheetnames}
    sheet = workbook[names.get(sheet_name.lower(), workbook.sheetnames[0])]
    iterator = sheet.iter_rows(values_only=True, max_col=limits.max_columns + 1)
    headers, header_number = _xlsx_headers(iterator, limits)
    estimate = max(0, (sheet.max_row or 0) - header_number)

    def rows():
        count = 0
        for number, values in enumerate(iterator, start=header_number + 1):
            cells = [_cell(v) for v in values[: len(headers)]]
            if all(v in (None, "") for v in cells):
                continue
            count += 1
            if count > limits.max_rows:
                raise SpreadsheetError(
                    _("Het bestand heeft meer dan %(max)s rijen.") % {"max": limits.max_rows}
                )
            yield number, cells
        workbook.close()

    return Sheet([normalise_header(h) for h in headers], rows(), estimate, "xlsx")
