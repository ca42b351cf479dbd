"""Reading one row of an import file into what it asks for (a ``Target``), cell by cell.

Each cell is checked for formula injection and for anything that looks like a BSN before it is
read; then the column's own parser applies. A text that repeats in a column (dates, hours,
choices) is checked once per file and its outcome reused. Every problem becomes a ``RowError`` with the row
number and column the user sees, and a Dutch message.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from inkoopkracht.lib.spreadsheets import is_formula, parse_date, parse_decimal
from inkoopkracht.monitoring.validators import looks_like_bsn, validate_reference
from inkoopkracht.organisations.validators import normalise_identifier

from .columns import EMPLOYMENT_ALIASES, NO, ORIGIN_ALIASES, YES


class CellError(Exception):
    """One cell cannot be read; the message is for the user (Dutch)."""


@dataclass(slots=True)
class RowError:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass(slots=True)
class Target:
    """What one row asks for. ``present`` holds the columns the file has (others: unchanged)."""

    row: int
    reference: str
    employer_id: int
    present: frozenset[str]
    values: dict = field(default_factory=dict)


@dataclass
class ImportContext:
    """What every row is checked against: the proeftuin's parties and contracts."""

    partnership: object
    today: date
    organisations: dict  # identifier (KvK or OIN) -> Organisation
    by_id: dict  # pk -> Organisation (the parties)
    contracts: dict  # reference (lower case) -> Contract
    memos: dict = field(default_factory=dict)  # column -> {text: outcome of check_cell}

    @classmethod
    def build(cls, partnership, today: date) -> "ImportContext":
        from inkoopkracht.monitoring.access import parties

        organisations, by_id = {}, {}
        for organisation in parties(partnership):
            by_id[organisation.pk] = organisation
            for identifier in (organisation.kvk_number, organisation.oin):
                if identifier:
                    organisations[identifier] = organisation
        contracts = {c.reference.strip().lower(): c for c in partnership.contracts.all()}
        return cls(partnership, today, organisations, by_id, contracts)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal | float | int) and not isinstance(value, bool):
        return (
            format(value, "f").rstrip("0").rstrip(".") if "." in format(value, "f") else str(value)
        )
    return str(value).strip()


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise CellError(
            _("Geen geldige datum: gebruik dd-mm-jjjj, bijvoorbeeld 31-12-2026.")
        ) from exc


def _organisation(value, context: ImportContext):
    text = _text(value)
    if not text:
        return None
    identifier = normalise_identifier(text)
    if identifier and identifier.isdigit() and len(identifier) < 8:
        identifier = identifier.zfill(8)  # Excel drops leading zeros of a KvK number
    organisation = context.organisations.get(identifier)
    if organisation is None:
        raise CellError(
            _("%(value)s is geen KvK-nummer of OIN van een partij in deze proeftuin.")
            % {"value": text}
        )
    return organisation


def parse_reference(value, context) -> str:
    text = _text(value)
    if not text:
        raise CellError(_("Vul een referentie in."))
    if len(text) > 40:
        raise CellError(_("Een referentie is hoogstens 40 tekens lang."))
    try:
        validate_reference(text)
    except ValidationError as error:
        raise CellError(error.messages[0]) from error
    return text


def parse_job_title(value, context) -> str:
    text = _text(value)
    if len(text) > 100:
        raise CellError(_("Een functie is hoogstens 100 tekens lang."))
    return text


def parse_choice(aliases: dict, allowed: str):
    def parse(value, context):
        text = _text(value).lower()
        if not text:
            return None
        if text not in aliases:
            raise CellError(
                _("Onbekende waarde ‘%(value)s’. Kies uit: %(allowed)s.")
                % {"value": _text(value), "allowed": allowed}
            )
        return str(aliases[text])

    return parse


def parse_yes_no(value, context) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    raise CellError(_("Vul ja of nee in."))


def parse_hours(value, context) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        hours = parse_decimal(value)
    except ValueError as exc:
        raise CellError(_("Geen getal: schrijf de uren als 25,5 of 25.5.")) from exc
    maximum = settings.PLACEMENT_MAX_HOURS_PER_WEEK
    if not Decimal(0) < hours <= maximum:
        raise CellError(
            _("Vul een aantal uren per week in van meer dan 0 en hoogstens %(max)s.")
            % {"max": maximum}
        )
    return hours.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def parse_contracts(value, context) -> frozenset[int]:
    ids = set()
    for part in _text(value).split("|"):
        reference = part.strip()
        if not reference:
            continue
        contract = context.contracts.get(reference.lower())
        if contract is None:
            known = ", ".join(c.reference for c in context.contracts.values()) or _("geen")
            raise CellError(
                _("Onbekend contract ‘%(reference)s’. Contracten van deze proeftuin: %(known)s.")
                % {"reference": reference, "known": known}
            )
        ids.add(contract.pk)
    return _shared(frozenset(ids))


PARSERS = {
    "referentie": parse_reference,
    "functie": parse_job_title,
    "werkgever_kvk": _organisation,
    "soort_dienstverband": parse_choice(EMPLOYMENT_ALIASES, "direct, detachering, uitzend, groepsdetachering, bbl"),
    "vast_contract": parse_yes_no,
    "uren_per_week": parse_hours,
    "startdatum": lambda value, context: _date(value),
    "einddatum": lambda value, context: _date(value),
    "doelgroepregister_bevestigd_op": lambda value, context: _date(value),
    "contracten": parse_contracts,
    "ontstaan_via": parse_choice(ORIGIN_ALIASES, "vacature, jobcarving, inclusief_herontwerp, stapelbaan, groepsdetachering, overig"),
    "uren_per_week_vanaf": lambda value, context: _date(value),
    "vast_contract_sinds": lambda value, context: _date(value),
    "inlener_kvk": _organisation,
}  # fmt: skip


def check_cell(context: ImportContext, column: str, value) -> tuple[bool, object]:
    """``(True, value read)`` or ``(False, Dutch message)`` for one cell of ``column``."""
    if isinstance(value, str) and is_formula(value):
        return False, _(
            "Deze cel begint met %(sign)s en zou als formule worden uitgevoerd. Verwijder het teken."
        ) % {"sign": value[:1]}
    if looks_like_bsn(value) and column not in ("werkgever_kvk", "inlener_kvk"):
        return False, _("Deze waarde lijkt op een BSN. Een BSN mag niet in dit systeem staan.")
    try:
        return True, PARSERS[column](value, context)
    except CellError as error:
        return False, str(error)


# Columns whose text repeats from row to row: each distinct text is checked once per file (per
# column) and the outcome remembered, up to MEMO_SIZE texts per column. Not the reference,
# which is unique per row. Only text cells (``1 == 1.0 == True`` would mix up number cells).
MEMO_SIZE = 20_000
_NOT_REMEMBERED = frozenset({"referentie"})


def read_row(context: ImportContext, headers: list[str], number: int, cells: list):
    """``(Target or None, [RowError])`` for one row of the file."""
    errors, values = [], {}
    memos = context.memos
    for position, column in enumerate(headers):
        value = cells[position] if position < len(cells) else None
        if type(value) is str and column not in _NOT_REMEMBERED:
            memo = memos.setdefault(column, {})
            outcome = memo.get(value)
            if outcome is None:
                outcome = check_cell(context, column, value)
                if len(memo) < MEMO_SIZE:
                    memo[value] = outcome
        else:
            outcome = check_cell(context, column, value)
        if outcome[0]:
            values[column] = outcome[1]
        else:
            errors.append(RowError(number, column, outcome[1]))
    if errors or "referentie" not in values:
        return None, errors
    employer = values.pop("werkgever_kvk", None)
    employer_id = employer.pk if employer else context.partnership.supplier_id  # no query
    reference = values.pop("referentie")
    return Target(number, reference, employer_id, _present(tuple(values)), values), errors


_PRESENT: dict = {}
_PRESENT_BY_COLUMNS: dict = {}


def _shared(value: frozenset) -> frozenset:
    """One shared copy of a small set that many rows of a file repeat (their columns, their
    contracts), so that a large file does not hold a set per row."""
    if value not in _PRESENT:
        if len(_PRESENT) > 1000:
            _PRESENT.clear()
        _PRESENT[value] = value
    return _PRESENT[value]


def _present(columns: tuple) -> frozenset:
    present = _PRESENT_BY_COLUMNS.get(columns)
    if present is None:
        if len(_PRESENT_BY_COLUMNS) > 1000:
            _PRESENT_BY_COLUMNS.clear()
        present = _PRESENT_BY_COLUMNS[columns] = _shared(frozenset(columns))
    return present
