"""Public pages of the reports app: the programme results and its open data (CSV, JSON).

Everything here is public and shows only approved figures with small numbers suppressed
(``results.py``); the page and the downloads are built from the same ``ProgrammeResults``.
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from inkoopkracht.lib.charts import Series, line_chart

from . import opendata
from .results import ProgrammeResults, programme_results


def banen_chart(results: ProgrammeResults):
    """Banen per quarter (programme total of the approved reports), with the data table."""
    quarters = results.quarters
    return line_chart(
        title=_("Banen per kwartaal"),
        description=_(
            "Het totaal van de proeftuinen met een goedgekeurde kwartaalrapportage: banen van "
            "%(hours)s uur per week aan het eind van elk kwartaal en gemiddeld over het "
            "kwartaal, naast de nulmeting van dezelfde proeftuinen."
        )
        % {"hours": number_format(results.hours_per_job, use_l10n=True)},
        labels=[row.period.short_label for row in quarters],
        series=[
            Series(_("Banen aan het eind"), [row.cells.banen_einde for row in quarters]),
            Series(
                _("Banen gemiddeld"),
                [row.cells.banen_gemiddeld for row in quarters],
                style="dashed",
            ),
            Series(_("Nulmeting"), [row.cells.baseline for row in quarters], style="dotted"),
        ],
        unit=_("banen"),
        label_heading=_("Kwartaal"),
        decimals=2,
        notes=[
            Series(
                _("Proeftuinen geteld"),
                [
                    _("%(reported)s van %(due)s")
                    % {"reported": row.cells.reported, "due": row.cells.due}
                    for row in quarters
                ],
            )
        ],
    )


@require_safe
def results_page(request):
    """The public results: proeftuinen by step, status and cohort; banen against ambition."""
    results, message = programme_results(period_code=request.GET.get("periode"))
    context = {
        "results": results,
        "message": message,
        "chart": banen_chart(results) if results.quarters else None,
        "periods": list(reversed(results.available_periods)),
    }
    return render(request, "reports/results/results_page.html", context)


@require_safe
def open_data_page(request):
    """What the open data contains: the schema, the licence and the download links."""
    results, message = programme_results(period_code=request.GET.get("periode"))
    context = {
        "results": results,
        "message": message,
        "fields": opendata.FIELDS,
        "tables": opendata.TABLES,
        "indicators": opendata.INDICATORS,
        "licence": opendata.LICENCE,
        "periods": list(reversed(results.available_periods)),
    }
    return render(request, "reports/results/open_data.html", context)


def _filename(results: ProgrammeResults, extension: str) -> str:
    return f"inkoopkracht-resultaten-{results.period}-{results.peildatum:%Y%m%d}.{extension}"


@require_safe
def open_data_csv(request):
    results, _message = programme_results(period_code=request.GET.get("periode"))
    response = HttpResponse(opendata.as_csv(results), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(results, "csv")}"'
    return response


@require_safe
def open_data_json(request):
    results, _message = programme_results(period_code=request.GET.get("periode"))
    data = opendata.as_json(results, url=request.build_absolute_uri())
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = f'inline; filename="{_filename(results, "json")}"'
    return response
