"""Open data: the public results as records (long format), as CSV and as JSON with metadata.

The records are built from the same ``ProgrammeResults`` as the page, so the numbers are the
same. A suppressed cell has an empty value (CSV) or ``null`` (JSON) and ``onderdrukt`` set.
The schema (``FIELDS``, ``TABLES``, ``INDICATORS``) is documented in ``docs/open-data.md`` and
is also in the JSON metadata and on the open-data page.
"""

import csv
import io
from dataclasses import asdict, dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inkoopkracht.lib.spreadsheets import safe_cell
from inkoopkracht.lib.suppression import Suppressed

from .results import BanenCells, ProgrammeResults

LICENCE = {
    "id": "CC0-1.0",
    "naam": "Creative Commons Zero 1.0 Universal (publiek domein)",
    "url": "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
}
SCHEMA_VERSION = "1.0"
TITLE = "Resultaten van het programma Partnership en inkoopkracht"
PUBLISHER = "Programma Partnership en inkoopkracht (BZK en De Normaalste Zaak)"

FIELDS = [
    ("tabel", "tekst", _("Welke tabel: zie de lijst met tabellen.")),
    ("periode", "tekst of leeg", _("Het kwartaal van de banen (2026-Q3); leeg bij aantallen proeftuinen (stand op de peildatum).")),
    ("groep", "tekst", _("De code van de groep: stapnummer, statuscode, cohortnummer of ‘totaal’.")),
    ("groep_naam", "tekst", _("De naam van de groep.")),
    ("indicator", "tekst", _("Wat er geteld is: zie de lijst met indicatoren.")),
    ("waarde", "getal of leeg", _("De waarde, met een punt als decimaalteken. Leeg als de waarde is onderdrukt of niet bestaat.")),
    ("eenheid", "tekst", _("proeftuinen, banen (van 25,5 uur per week), personen of procent.")),
    ("onderdrukt", "ja/nee", _("‘ja’ als de waarde is weggelaten omdat zij herleidbaar is tot minder dan de drempel aan personen.")),
]  # fmt: skip

TABLES = [
    ("proeftuinen_per_stap", _("Proeftuinen per stap van het negenstappenplan (huidige stap).")),
    ("proeftuinen_per_status", _("Proeftuinen per status.")),
    ("proeftuinen_per_cohort", _("Proeftuinen per cohort.")),
    ("banen_per_cohort", _("Banen per cohort in het gekozen kwartaal, met het totaal.")),
    ("banen_per_kwartaal", _("Het programmatotaal per kwartaal (de grafiek).")),
]

INDICATORS = [
    ("proeftuinen", "proeftuinen", _("Aantal proeftuinen.")),
    ("proeftuinen_rapportageplichtig", "proeftuinen", _("Proeftuinen die over het kwartaal moesten rapporteren.")),
    ("proeftuinen_goedgekeurd", "proeftuinen", _("Proeftuinen met een goedgekeurde kwartaalrapportage: alleen die tellen mee.")),
    ("nulmeting_banen", "banen", _("Banen bij de nulmeting van die proeftuinen.")),
    ("ambitie_banen", "banen", _("Extra banen die die proeftuinen willen realiseren (bij proeftuinen_per_cohort: alle proeftuinen, nu).")),
    ("banen_einde", "banen", _("Banen op de laatste dag van het kwartaal: betaalde uren per week / 25,5.")),
    ("banen_gemiddeld", "banen", _("Gemiddeld aantal banen over alle dagen van het kwartaal.")),
    ("personen_einde", "personen", _("Personen aan het werk op de laatste dag van het kwartaal.")),
    ("extra_banen", "banen", _("Banen aan het eind min de nulmeting.")),
    ("voortgang_procent", "procent", _("Extra banen als percentage van de ambitie.")),
]  # fmt: skip
UNITS = {code: unit for code, unit, _description in INDICATORS}


@dataclass
class Record:
    tabel: str
    periode: str | None
    groep: str
    groep_naam: str
    indicator: str
    waarde: Decimal | int | None
    eenheid: str
    onderdrukt: bool


def _record(tabel, periode, groep, naam, indicator, value) -> Record:
    suppressed = isinstance(value, Suppressed)
    return Record(
        tabel=tabel,
        periode=str(periode) if periode else None,
        groep=groep,
        groep_naam=str(naam),
        indicator=indicator,
        waarde=None if suppressed else value,
        eenheid=UNITS[indicator],
        onderdrukt=suppressed,
    )


def _banen_records(tabel, period, groep, naam, cells: BanenCells) -> list[Record]:
    values = [
        ("proeftuinen_rapportageplichtig", cells.due),
        ("proeftuinen_goedgekeurd", cells.reported),
        ("nulmeting_banen", cells.baseline),
        ("ambitie_banen", cells.ambition),
        ("banen_einde", cells.banen_einde),
        ("banen_gemiddeld", cells.banen_gemiddeld),
        ("personen_einde", cells.personen_einde),
        ("extra_banen", cells.extra_banen),
        ("voortgang_procent", cells.progress),
    ]
    return [_record(tabel, period, groep, naam, key, value) for key, value in values]


def records(results: ProgrammeResults) -> list[Record]:
    """Every number of the results page, one record per cell."""
    rows = []
    for tabel, groups in (
        ("proeftuinen_per_stap", results.by_step),
        ("proeftuinen_per_status", results.by_status),
        ("proeftuinen_per_cohort", results.by_cohort),
    ):
        rows += [
            _record(tabel, None, g.code, g.label, "proeftuinen", g.proeftuinen) for g in groups
        ]
        rows.append(_record(tabel, None, "totaal", _("Totaal"), "proeftuinen", results.proeftuinen))
    # The ambition of all proeftuinen per cohort (now), as in the page's cohort table.
    rows += [
        _record("proeftuinen_per_cohort", None, g.code, g.label, "ambitie_banen", g.ambition)
        for g in results.by_cohort
    ]
    rows.append(
        _record(
            "proeftuinen_per_cohort", None, "totaal", _("Totaal"), "ambitie_banen",
            results.ambition_all,
        )
    )  # fmt: skip
    period = results.period
    for row in results.banen_by_cohort:
        rows += _banen_records("banen_per_cohort", period, row.code, row.label, row.cells)
    if results.total is not None:
        rows += _banen_records("banen_per_cohort", period, "totaal", _("Totaal"), results.total)
    for quarter in results.quarters:
        rows += _banen_records(
            "banen_per_kwartaal", quarter.period, "totaal", _("Totaal"), quarter.cells
        )
    return rows


def metadata(results: ProgrammeResults, *, url: str = "") -> dict:
    """The description of the data set: title, licence, date of the data, schema."""
    return {
        "titel": TITLE,
        "uitgever": PUBLISHER,
        "licentie": LICENCE,
        "peildatum": results.peildatum.isoformat(),
        "periode": str(results.period),
        "kwartalen": [str(p) for p in results.available_periods],
        "gemaakt_op": timezone.now().isoformat(timespec="seconds"),
        "bron": url,
        "schemaversie": SCHEMA_VERSION,
        "uren_per_baan": str(results.hours_per_job),
        "drempel_kleine_aantallen": results.threshold,
        "publicatie": str(
            _(
                "Een kwartaal verschijnt zodra alle proeftuinen die over dat kwartaal moesten "
                "rapporteren een goedgekeurde rapportage hebben, en uiterlijk %(days)s dagen na "
                "het einde van het kwartaal."
            )
            % {"days": settings.PUBLIC_RESULTS_AFTER_DAYS}
        ),
        "onderdrukking": str(
            _(
                "Waarden die rusten op 1 tot %(threshold)s personen zijn weggelaten, en daarnaast "
                "zoveel andere cellen van dezelfde tabel dat geen weggelaten waarde uit het "
                "totaal kan worden teruggerekend."
            )
            % {"threshold": results.threshold}
        ),
        "velden": [
            {"naam": name, "type": kind, "omschrijving": str(text)} for name, kind, text in FIELDS
        ],
        "tabellen": [{"naam": name, "omschrijving": str(text)} for name, text in TABLES],
        "indicatoren": [
            {"naam": name, "eenheid": unit, "omschrijving": str(text)}
            for name, unit, text in INDICATORS
        ],
    }


def _json_value(value):
    return float(value) if isinstance(value, Decimal) else value


def as_json(results: ProgrammeResults, *, url: str = "") -> dict:
    return {
        "metadata": metadata(results, url=url),
        "records": [{**asdict(r), "waarde": _json_value(r.waarde)} for r in records(results)],
    }


def as_csv(results: ProgrammeResults) -> str:
    """UTF-8 text, comma separated, a header row; cells that could start a formula are made
    safe (``lib.spreadsheets.safe_cell``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _kind, _text in FIELDS])
    for r in records(results):
        writer.writerow(
            [
                safe_cell(r.tabel),
                safe_cell(r.periode),
                safe_cell(r.groep),
                safe_cell(r.groep_naam),
                safe_cell(r.indicator),
                "" if r.waarde is None else str(r.waarde),
                safe_cell(r.eenheid),
                "ja" if r.onderdrukt else "nee",
            ]
        )
    return out.getvalue()
