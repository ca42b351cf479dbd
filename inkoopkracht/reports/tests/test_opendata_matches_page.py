"""The CSV and JSON downloads hold exactly the numbers of the page, with the same cells hidden."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.lib.suppression import Suppressed
from inkoopkracht.partnerships.models import Cohort
from inkoopkracht.reports.results import programme_results

pytestmark = pytest.mark.django_db


def _csv(client, **params):
    response = client.get(reverse("reports:open_data_csv"), params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def _json(client, **params):
    response = client.get(reverse("reports:open_data_json"), params)
    assert response.status_code == 200
    return json.loads(response.content)


def _page_values(results) -> dict:
    """Every cell the page shows, keyed like the records."""
    values = {}
    for tabel, groups in (
        ("proeftuinen_per_stap", results.by_step),
        ("proeftuinen_per_status", results.by_status),
        ("proeftuinen_per_cohort", results.by_cohort),
    ):
        for group in groups:
            values[(tabel, "", group.code, "proeftuinen")] = group.proeftuinen
        values[(tabel, "", "totaal", "proeftuinen")] = results.proeftuinen
    for group in results.by_cohort:
        values[("proeftuinen_per_cohort", "", group.code, "ambitie_banen")] = group.ambition
    values[("proeftuinen_per_cohort", "", "totaal", "ambitie_banen")] = results.ambition_all
    cohort_rows = [(row.code, row.cells) for row in results.banen_by_cohort]
    cohort_rows.append(("totaal", results.total))
    series = [(str(row.period), row.cells) for row in results.quarters]
    for tabel, period_rows in (
        ("banen_per_cohort", [(str(results.period), code, cells) for code, cells in cohort_rows]),
        ("banen_per_kwartaal", [(period, "totaal", cells) for period, cells in series]),
    ):
        for period, code, cells in period_rows:
            for indicator, value in (
                ("proeftuinen_rapportageplichtig", cells.due),
                ("proeftuinen_goedgekeurd", cells.reported),
                ("nulmeting_banen", cells.baseline),
                ("ambitie_banen", cells.ambition),
                ("banen_einde", cells.banen_einde),
                ("banen_gemiddeld", cells.banen_gemiddeld),
                ("personen_einde", cells.personen_einde),
                ("extra_banen", cells.extra_banen),
                ("voortgang_procent", cells.progress),
            ):
                values[(tabel, period, code, indicator)] = value
    return values


def _as_decimal(value):
    return None if value is None or isinstance(value, Suppressed) else Decimal(str(value))


def test_csv_equals_the_page(client, programme):
    page = client.get(reverse("reports:results"), {"periode": "2026-Q3"})
    expected = _page_values(page.context["results"])
    rows = _csv(client, periode="2026-Q3")
    got = {(r["tabel"], r["periode"], r["groep"], r["indicator"]): r for r in rows}
    assert set(got) == set(expected)
    for key, value in expected.items():
        row = got[key]
        assert row["onderdrukt"] == ("ja" if isinstance(value, Suppressed) else "nee"), key
        assert (Decimal(row["waarde"]) if row["waarde"] else None) == _as_decimal(value), key
    total = got[("banen_per_cohort", "2026-Q3", "totaal", "banen_einde")]
    assert (total["waarde"], total["eenheid"]) == ("21.00", "banen")
    hidden = got[("banen_per_cohort", "2026-Q3", "2", "banen_einde")]
    assert (hidden["waarde"], hidden["onderdrukt"]) == ("", "ja")


def test_json_equals_the_page_and_describes_itself(client, programme):
    results, _message = programme_results()
    expected = _page_values(results)
    data = _json(client)
    got = {(r["tabel"], r["periode"] or "", r["groep"], r["indicator"]): r for r in data["records"]}
    assert set(got) == set(expected)
    for key, value in expected.items():
        record = got[key]
        assert record["onderdrukt"] is isinstance(value, Suppressed), key
        assert _as_decimal(record["waarde"]) == _as_decimal(value), key
    metadata = data["metadata"]
    assert metadata["licentie"]["id"] == "CC0-1.0"
    assert metadata["peildatum"] == "2026-12-05"
    assert metadata["periode"] == "2026-Q3"
    assert metadata["kwartalen"] == ["2026-Q1", "2026-Q2", "2026-Q3"]
    assert metadata["drempel_kleine_aantallen"] == 5
    assert [f["naam"] for f in metadata["velden"]] == [
        "tabel", "periode", "groep", "groep_naam", "indicator", "waarde", "eenheid", "onderdrukt",
    ]  # fmt: skip
    indicators = {i["naam"] for i in metadata["indicatoren"]}
    assert {r["indicator"] for r in data["records"]} <= indicators
    tables = {t["naam"] for t in metadata["tabellen"]}
    assert {r["tabel"] for r in data["records"]} == tables


def test_csv_cells_cannot_start_a_formula(client, programme):
    Cohort.objects.filter(number=3).update(name='=HYPERLINK("https://evil.example")')
    rows = _csv(client)
    names = {r["groep_naam"] for r in rows if r["tabel"] == "proeftuinen_per_cohort"}
    assert '\'=HYPERLINK("https://evil.example")' in names
    assert not any(name.startswith("=") for name in names)


def test_downloads_follow_the_chosen_quarter_and_ignore_bad_ones(client, programme):
    assert _json(client, periode="2026-Q2")["metadata"]["periode"] == "2026-Q2"
    assert _json(client, periode="onzin")["metadata"]["periode"] == "2026-Q3"


def test_open_data_page_documents_the_schema(client, programme):
    response = client.get(reverse("reports:open_data"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "CC0-1.0" in html
    assert "creativecommons.org/publicdomain/zero/1.0" in html
    assert "<code>voortgang_procent</code>" in html
    assert "<code>onderdrukt</code>" in html
    assert "5 december 2026" in html
    assert f"{reverse('reports:open_data_csv')}?periode=2026-Q3" in html
