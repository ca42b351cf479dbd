"""From an import file to a plan: errors per row and column, and what would change.

``build_plan`` reads and checks the whole file and compares it with the stored placements; it
writes nothing itself. The plan counts, per kind, the rows whose placement is new, changed,
ended or unchanged, lists every error and the first changes of each kind (what the report
shows). Running the same file twice gives a plan with only unchanged rows.

The file is planned in chunks of ``CHUNK_ROWS`` rows, so that memory does not grow with the
file: of every row only its (employer, reference) key is kept, for the duplicate check. With
``write``, each chunk's operations are handed over as long as the file has no errors so far;
the services write them in the one transaction of the import and roll it back when a later
chunk turns out to have errors (the streaming apply). Without ``write`` (the preview) the
operations are let go after each chunk.

Rules: a placement is matched on (employer, reference). Columns the file does not have leave
existing placements as they are; a column that is there sets the value, and an empty cell
empties it (an empty ``einddatum`` means the placement runs on).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from inkoopkracht.lib.bulk import any_of, in_chunks
from inkoopkracht.lib.readahead import read_ahead
from inkoopkracht.lib.spreadsheets import Limits, SpreadsheetError, read_spreadsheet
from inkoopkracht.monitoring import hours as hours_history
from inkoopkracht.monitoring.access import default_hirer
from inkoopkracht.monitoring.models import (
    LENDING_TYPES,
    EmploymentType,
    Origin,
    Placement,
    PlacementHours,
    placement_errors,
)

from .cells import ImportContext, RowError, Target, read_row
from .columns import COLUMN_NAMES, forbidden_column
from .describe import describe_changes, describe_new

CHUNK = 900  # ids or references per IN (...) query (below SQLite's parameter limit)
CHUNK_ROWS = 5000  # rows planned (and written) at a time
LISTED = 500  # changes of each kind kept for the report
KINDS = ("nieuw", "gewijzigd", "beeindigd", "ongewijzigd")
_ERROR_COLUMNS = {
    "ends_on": "einddatum",
    "permanent_since": "vast_contract_sinds",
    "register_confirmed_on": "doelgroepregister_bevestigd_op",
    "hirer": "inlener_kvk",
    "starts_on": "startdatum",
}


@dataclass(slots=True)
class Operation:
    """Create (``placement_id`` None) or update one placement."""

    row: int
    placement_id: int | None
    fields: dict
    history: list | None = None  # new hours history, None: unchanged
    contract_ids: set | None = None  # new contracts, None: unchanged


@dataclass
class ImportPlan:
    rows: int = 0
    file_error: str = ""
    errors: list[RowError] = field(default_factory=list)
    changes: list = field(default_factory=list)  # the first LISTED changes of each kind
    operations: list[Operation] = field(default_factory=list)  # of the chunk being planned
    tally: dict = field(default_factory=lambda: dict.fromkeys(KINDS, 0))

    @property
    def is_valid(self) -> bool:
        return not self.file_error and not self.errors

    def counts(self) -> dict:
        return dict(self.tally)

    def add_change(self, kind: str, target: Target, describe) -> None:
        self.tally[kind] += 1
        if kind != "ongewijzigd" and self.tally[kind] <= LISTED:
            self.changes.append(Change(kind, target.row, target.reference, describe))

    def report(self, max_errors: int = 1000, max_changes: int = LISTED) -> dict:
        order = {"nieuw": 0, "beeindigd": 1, "gewijzigd": 2, "ongewijzigd": 3}
        listed = sorted(
            (c for c in self.changes if c.kind != "ongewijzigd"),
            key=lambda c: (order[c.kind], c.row),
        )
        return {
            "rows": self.rows,
            "file_error": self.file_error,
            "error_count": len(self.errors),
            "errors": [error.as_dict() for error in self.errors[:max_errors]],
            "counts": self.counts(),
            "changes": [_described(change) for change in listed[:max_changes]],
        }


def _described(change) -> dict:
    """A change for the report, with its Dutch details (worked out only for listed rows)."""
    function, arguments = change.describe
    return {
        "kind": change.kind,
        "row": change.row,
        "reference": change.reference,
        "details": function(*arguments),
    }


def _limits() -> Limits:
    return Limits(max_bytes=settings.IMPORT_MAX_BYTES, max_rows=settings.IMPORT_MAX_ROWS)


def header_error(headers: list[str]) -> str:
    """A file-level problem with the columns, or an empty string."""
    personal = [h for h in headers if forbidden_column(h)]
    if personal:
        return _(
            "De kolom ‘%(column)s’ lijkt persoonsgegevens te bevatten (zoals een naam, BSN of geboortedatum). Die mogen niet in dit systeem: verwijder de kolom en probeer het opnieuw."
        ) % {"column": personal[0]}
    unknown = [h for h in headers if h not in COLUMN_NAMES]
    if unknown:
        return _(
            "Onbekende kolom ‘%(column)s’. Gebruik alleen de kolommen uit het sjabloon: %(columns)s."
        ) % {"column": unknown[0] or _("(zonder naam)"), "columns": ", ".join(COLUMN_NAMES)}
    duplicates = sorted({h for h in headers if headers.count(h) > 1})
    if duplicates:
        return _("De kolom ‘%(column)s’ staat er meer dan één keer in.") % {"column": duplicates[0]}
    if "referentie" not in headers:
        return _("De kolom ‘referentie’ ontbreekt; die is verplicht.")
    return ""


def build_plan(
    partnership,
    data: bytes,
    filename: str,
    *,
    progress: Callable | None = None,
    today: date | None = None,
    write: Callable | None = None,
    chunk_rows: int | None = None,
) -> ImportPlan:
    """Check a file against a proeftuin and work out what it would change. ``write`` gets the
    operations of each chunk while there are no errors (see the module doc); a caller that
    passes it must roll back when the plan is not valid."""
    plan = ImportPlan()
    today = today or timezone.localdate()
    try:
        sheet = read_spreadsheet(data, filename, limits=_limits(), sheet_name="plaatsingen")
        plan.file_error = header_error(sheet.headers)
        if plan.file_error:
            return plan
        context = ImportContext.build(partnership, today)
        size = chunk_rows or CHUNK_ROWS
        # The next chunk is read and checked while this one is looked up and written.
        for targets in read_ahead(lambda: _read_chunks(plan, context, sheet, size)):
            _plan_chunk(plan, context, targets, write)
            if progress:
                progress(plan.rows, max(plan.rows, sheet.estimated_rows))
        if progress:
            progress(plan.rows, plan.rows)
    except SpreadsheetError as error:
        plan.file_error = str(error)
    plan.errors.sort(
        key=lambda e: (e.row, COLUMN_NAMES.index(e.column) if e.column in COLUMN_NAMES else 99)
    )
    if not plan.is_valid:
        plan.changes, plan.operations, plan.tally = [], [], dict.fromkeys(KINDS, 0)
    return plan


def _plan_chunk(plan, context, targets: list[Target], write) -> None:
    existing = _existing(targets)
    targets.reverse()
    while targets:  # each row's target is let go once planned
        target = targets.pop()
        _plan_target(
            plan, context, target, existing.pop((target.employer_id, target.reference), None)
        )
    if write is not None and plan.is_valid and plan.operations:
        write(plan.operations)
    plan.operations = []


def _read_chunks(plan, context, sheet, size: int):
    """The rows' targets, ``size`` at a time. Of every row only its reference and number stay
    (per employer, for the duplicate check). Runs in the read-ahead thread: no database."""
    targets, seen = [], {}  # employer id -> {reference: row number}
    for number, cells in sheet.rows:
        plan.rows += 1
        target, errors = read_row(context, sheet.headers, number, cells)
        plan.errors.extend(errors)
        if target is not None:
            references = seen.setdefault(target.employer_id, {})
            first = references.get(target.reference)
            if first is not None:
                plan.errors.append(
                    RowError(
                        number,
                        "referentie",
                        _("Deze referentie staat al in rij %(row)s (bij dezelfde werkgever).")
                        % {"row": first},
                    )
                )
            else:
                references[target.reference] = number
                targets.append(target)
                if len(targets) >= size:
                    yield targets
                    targets = []
    if plan.rows == 0:
        raise SpreadsheetError(_("Het bestand bevat geen plaatsingen (alleen kolomkoppen)."))
    if targets:
        yield targets


@dataclass
class _Stored:
    placement: Placement
    history: list = field(default_factory=list)
    contract_ids: set = field(default_factory=set)


def _existing(targets: list[Target]) -> dict:
    """Stored placements of the file's (employer, reference) pairs, with hours and contracts."""
    by_key: dict = {}
    by_employer: dict = {}
    for target in targets:
        by_employer.setdefault(target.employer_id, []).append(target.reference)
    for employer_id, references in by_employer.items():
        for chunk in in_chunks(references, CHUNK):
            for placement in _placements_of(employer_id, chunk):
                by_key[(employer_id, placement.reference)] = _Stored(placement)
    by_id = {stored.placement.pk: stored for stored in by_key.values()}
    through = Placement.contracts.through
    for chunk in in_chunks(list(by_id), CHUNK):
        for row in PlacementHours.objects.filter(placement_id__in=any_of(chunk, "bigint")).order_by(
            "placement_id", "starts_on"
        ):
            by_id[row.placement_id].history.append(
                hours_history.HoursPeriod(row.starts_on, row.ends_on, row.hours_per_week)
            )
        for placement_id, contract_id in through.objects.filter(
            placement_id__in=any_of(chunk, "bigint")
        ).values_list("placement_id", "contract_id"):
            by_id[placement_id].contract_ids.add(contract_id)
    return by_key


def _placements_of(employer_id: int, references: list):
    """The employer's placements with these references. On PostgreSQL one probe of the unique
    (employer, reference) index per reference: a plain ``IN`` would let the planner scan all of
    the employer's placements, which grow with every chunk an import has written (and which
    its statistics do not know about yet)."""
    if connection.vendor != "postgresql":
        return Placement.objects.filter(employer_id=employer_id, reference__in=references)
    table = connection.ops.quote_name(Placement._meta.db_table)
    # One text of the references, split by the database: a reference never holds a space
    # (``validate_reference``), and a text is sent as it is, where a list of 5,000 texts is
    # first turned into an array literal value by value.
    return Placement.objects.raw(
        "SELECT placement.* FROM unnest(string_to_array(%s, ' ')) AS wanted(reference) "
        f"CROSS JOIN LATERAL (SELECT * FROM {table} WHERE employer_id = %s "
        "AND reference = wanted.reference LIMIT 1) AS placement",
        [" ".join(references), employer_id],
    )


FIELD_COLUMNS = {
    "job_title": "functie",
    "employment_type": "soort_dienstverband",
    "starts_on": "startdatum",
    "ends_on": "einddatum",
    "register_confirmed_on": "doelgroepregister_bevestigd_op",
    "origin": "ontstaan_via",
}
DEFAULTS = {
    "job_title": "",
    "employment_type": EmploymentType.DIRECT,
    "ends_on": None,
    "register_confirmed_on": None,
    "origin": Origin.VACANCY,
}


def _plan_target(
    plan: ImportPlan, context: ImportContext, target: Target, stored: _Stored | None
) -> None:
    if stored is not None and stored.placement.partnership_id != context.partnership.pk:
        plan.errors.append(
            RowError(
                target.row,
                "referentie",
                _("Deze werkgever gebruikt referentie ‘%(reference)s’ al in een andere proeftuin.")
                % {"reference": target.reference},
            )
        )
        return
    if stored is None:
        _plan_new(plan, context, target)
    else:
        _plan_update(plan, context, target, stored)


def _fields_for(target: Target, base: dict) -> dict:
    fields = dict(base)
    for name, column in FIELD_COLUMNS.items():
        if column in target.present:
            value = target.values[column]
            fields[name] = DEFAULTS.get(name) if value is None and name in DEFAULTS else value
    return fields


def _resolve_hirer(context, target, fields, current_hirer_id):
    if fields["employment_type"] not in LENDING_TYPES:
        return None
    if target.values.get("inlener_kvk") is not None:
        return target.values["inlener_kvk"].pk
    if current_hirer_id:
        return current_hirer_id
    return default_hirer(context.partnership, context.by_id[fields["employer_id"]]).pk


def _permanent_since(
    target: Target, current: date | None, fields: dict, today: date, is_new: bool
) -> date | None:
    if "vast_contract" not in target.present:
        return target.values.get("vast_contract_sinds") or current
    if not target.values["vast_contract"]:
        return None
    given = target.values.get("vast_contract_sinds")
    if given:
        return given
    if current:
        return current
    start, end = fields["starts_on"], fields["ends_on"]
    return start if is_new else max(start, min(today, end or today))


def _validate(plan, context, target, fields) -> bool:
    errors = placement_errors(fields, today=context.today)
    for name, message in errors.items():
        plan.errors.append(RowError(target.row, _ERROR_COLUMNS.get(name, "referentie"), message))
    if errors:
        return False
    if (
        "inlener_kvk" in target.present
        and target.values["inlener_kvk"]
        and fields["hirer_id"] is None
    ):
        plan.errors.append(
            RowError(
                target.row,
                "inlener_kvk",
                _("Alleen bij detachering en uitzendwerk is er een inlener."),
            )
        )
        return False
    return True


@dataclass(slots=True)
class Change:
    """A row's change; ``describe`` (function, arguments) gives its Dutch details on demand."""

    kind: str
    row: int
    reference: str
    describe: tuple | None


def _plan_new(plan: ImportPlan, context: ImportContext, target: Target) -> None:
    missing = [c for c in ("startdatum", "uren_per_week") if target.values.get(c) is None]
    for column in missing:
        plan.errors.append(RowError(target.row, column, _("Verplicht bij een nieuwe plaatsing.")))
    if missing:
        return
    fields = _fields_for(target, {**DEFAULTS, "employer_id": target.employer_id})
    fields["reference"] = target.reference
    fields["hirer_id"] = _resolve_hirer(context, target, fields, None)
    fields["permanent_since"] = _permanent_since(target, None, fields, context.today, True)
    if not _validate(plan, context, target, fields):
        return
    history = [hours_history.HoursPeriod(fields["starts_on"], None, target.values["uren_per_week"])]
    contracts = target.values.get("contracten") or frozenset()
    plan.operations.append(Operation(target.row, None, fields, history, contracts))
    plan.add_change("nieuw", target, (describe_new, (fields, history)))


def _plan_update(plan: ImportPlan, context: ImportContext, target: Target, stored: _Stored) -> None:
    placement = stored.placement
    before = {
        name: getattr(placement, name)
        for name in (*DEFAULTS, "starts_on", "permanent_since", "hirer_id")
    }
    before["employer_id"] = placement.employer_id
    fields = _fields_for(target, before)
    fields["reference"] = target.reference
    fields["hirer_id"] = _resolve_hirer(context, target, fields, placement.hirer_id)
    if fields["starts_on"] is None:
        plan.errors.append(RowError(target.row, "startdatum", _("Vul een startdatum in.")))
        return
    fields["permanent_since"] = _permanent_since(
        target, placement.permanent_since, fields, context.today, False
    )
    if not _validate(plan, context, target, fields):
        return
    history = _new_history(plan, target, stored.history, fields, context.today)
    if history is False:
        return
    contracts = target.values.get("contracten") if "contracten" in target.present else None
    changed = {
        name: value
        for name, value in fields.items()
        if name != "reference" and before.get(name) != value
    }
    new_history = history if history != stored.history else None
    new_contracts = (
        contracts if contracts is not None and contracts != stored.contract_ids else None
    )
    if not changed and new_history is None and new_contracts is None:
        plan.add_change("ongewijzigd", target, None)
        return
    kind = "beeindigd" if before["ends_on"] is None and changed.get("ends_on") else "gewijzigd"
    plan.operations.append(Operation(target.row, placement.pk, changed, new_history, new_contracts))
    describe = (describe_changes, (before, changed, stored.history, new_history, new_contracts))
    plan.add_change(kind, target, describe)


def _new_history(plan, target: Target, history: list, fields: dict, today: date):
    start, end = fields["starts_on"], fields["ends_on"]
    history = hours_history.aligned(history, start) if history else history
    hours: Decimal | None = target.values.get("uren_per_week")
    if hours is None:
        return history
    starting = target.values.get("uren_per_week_vanaf")
    if starting is None:
        if hours_history.current(history) == hours:
            return history
        starting = min(max(today, start), end) if end else max(today, start)
    elif starting < start or (end and starting > end):
        plan.errors.append(
            RowError(
                target.row,
                "uren_per_week_vanaf",
                _("Deze datum ligt niet binnen de looptijd van de plaatsing."),
            )
        )
        return False
    return hours_history.from_date(history, hours=hours, starting=starting)
