"""API: the open data of the public results (no login; the same numbers as the page)."""

from django.http import HttpResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from . import opendata
from .results import programme_results

router = Router(tags=["open data"], auth=None)


class PeriodQuery(Schema):
    periode: str | None = None


class Licence(Schema):
    id: str
    naam: str
    url: str


class FieldOut(Schema):
    naam: str
    type: str
    omschrijving: str


class TableOut(Schema):
    naam: str
    omschrijving: str


class IndicatorOut(Schema):
    naam: str
    eenheid: str
    omschrijving: str


class MetadataOut(Schema):
    titel: str
    uitgever: str
    licentie: Licence
    peildatum: str
    periode: str
    kwartalen: list[str]
    gemaakt_op: str
    bron: str
    schemaversie: str
    uren_per_baan: str
    drempel_kleine_aantallen: int
    onderdrukking: str
    velden: list[FieldOut]
    tabellen: list[TableOut]
    indicatoren: list[IndicatorOut]


class RecordOut(Schema):
    tabel: str
    periode: str | None
    groep: str
    groep_naam: str
    indicator: str
    waarde: float | int | None
    eenheid: str
    onderdrukt: bool


class OpenDataOut(Schema):
    metadata: MetadataOut
    records: list[RecordOut]


def _results(periode: str | None):
    """Strict for software: an unknown or unavailable quarter is a 400 with a Dutch message."""
    results, message = programme_results(period_code=periode)
    if message:
        raise HttpError(400, message)
    return results


@router.get(
    "/resultaten",
    response=OpenDataOut,
    summary="Resultaten van het programma (open data, JSON)",
    description=(
        "Proeftuinen per stap, status en cohort, en de banen van de goedgekeurde "
        "kwartaalrapportages per cohort en per kwartaal. `periode` (zoals 2026-Q3) kiest het "
        "kwartaal van de tabel per cohort; standaard het laatste kwartaal met goedgekeurde "
        "cijfers. Licentie CC0-1.0. Kleine aantallen zijn onderdrukt (waarde null)."
    ),
)
def results_json(request, query: Query[PeriodQuery]):
    return opendata.as_json(_results(query.periode), url=request.build_absolute_uri())


@router.get(
    "/resultaten.csv",
    summary="Resultaten van het programma (open data, CSV)",
    description="Dezelfde records als de JSON, als CSV (UTF-8, komma's, punt als decimaalteken).",
    openapi_extra={
        "responses": {
            200: {"description": "CSV", "content": {"text/csv": {"schema": {"type": "string"}}}}
        }
    },
)
def results_csv(request, query: Query[PeriodQuery]):
    response = HttpResponse(
        opendata.as_csv(_results(query.periode)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="inkoopkracht-resultaten.csv"'
    return response
