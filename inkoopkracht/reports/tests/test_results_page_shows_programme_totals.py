"""A visitor sees the programme totals of the approved reports, computed by hand below."""

from decimal import Decimal

import pytest
from django.urls import reverse

from inkoopkracht.lib.suppression import Suppressed
from inkoopkracht.reports.results import programme_results

from .conftest import Q1, Q2, Q3

pytestmark = pytest.mark.django_db


def test_latest_quarter_counts_only_approved_reports(programme):
    results, message = programme_results()
    assert message is None
    assert results.period == Q3
    total = results.total
    # A, B, C and E are approved; D (submitted, 100 banen) is not counted.
    assert (total.reported, total.due) == (4, 5)
    assert total.banen_einde == Decimal("21.00")  # 8 + 5 + 2 + 6
    assert total.banen_gemiddeld == Decimal("20.00")  # 7 + 5 + 2 + 6
    assert total.personen_einde == 26  # 10 + 6 + 3 + 7
    assert total.baseline == Decimal("4.00")  # 2 + 1 + 0 + 1
    assert total.ambition == Decimal("25.0")  # 10 + 5 + 4 + 6
    assert total.extra_banen == Decimal("17.00")
    assert total.progress == Decimal("68")  # 17 / 25


def test_proeftuinen_by_step_status_and_cohort(programme):
    results, _message = programme_results()
    assert results.proeftuinen == 6
    steps = {g.code: g.proeftuinen for g in results.by_step}
    assert len(steps) == 9
    assert steps == {"1": 1, "2": 0, "3": 2, "4": 0, "5": 2, "6": 0, "7": 0, "8": 0, "9": 1}
    statuses = {g.code: g.proeftuinen for g in results.by_status}
    assert statuses == {"aangemeld": 1, "actief": 4, "gepauzeerd": 1, "afgerond": 0, "gestopt": 0}
    assert {g.code: g.proeftuinen for g in results.by_cohort} == {"1": 3, "2": 2, "3": 1}
    # Ambition now, of every proeftuin: A 10, the others the factory's 5.
    assert {g.code: g.ambition for g in results.by_cohort} == {
        "1": Decimal("20.0"),
        "2": Decimal("10.0"),
        "3": Decimal("5.0"),
    }
    assert results.ambition_all == Decimal("35.0")


def test_series_per_quarter_uses_the_newest_approved_revision(programme):
    results, _message = programme_results()
    rows = {row.period: row.cells for row in results.quarters}
    assert list(rows) == [Q1, Q2, Q3]
    # Q1: only C is approved (A only submitted); 2 persons is too few to show.
    assert rows[Q1].reported == 1
    assert isinstance(rows[Q1].banen_einde, Suppressed)
    # Q2: A (6) and B's second approved revision (5), not its first (4) nor the open correction.
    assert rows[Q2].reported == 2
    assert rows[Q2].banen_einde == Decimal("11.00")
    assert rows[Q2].personen_einde == 13
    assert rows[Q3].banen_einde == results.total.banen_einde


def test_cohort_table(programme):
    results, _message = programme_results()
    cohort_1 = results.banen_by_cohort[0].cells
    assert (cohort_1.reported, cohort_1.due) == (2, 2)
    assert cohort_1.banen_einde == Decimal("13.00")
    assert cohort_1.extra_banen == Decimal("10.00")
    assert cohort_1.ambition == Decimal("15.0")
    assert cohort_1.progress == Decimal("67")  # 10 / 15
    cohort_2 = results.banen_by_cohort[1].cells
    assert (cohort_2.reported, cohort_2.due) == (1, 2)  # D had to report, but is not approved


def test_visitor_sees_the_page(client, programme):
    response = client.get(reverse("reports:results"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 van de 5 proeftuinen" in html
    assert "21,00" in html
    assert "17,00" in html
    assert "68%" in html
    assert "Peildatum: 5 december 2026" in html
    assert "100,00" not in html  # D's submitted figures
    assert 'href="/resultaten/"' in html
    assert 'aria-current="page"' in html
    assert reverse("reports:open_data") in html  # footer and section
    assert "<svg" in html
    assert "Banen per kwartaal: de cijfers" in html


def test_visitor_chooses_an_earlier_quarter(client, programme):
    response = client.get(reverse("reports:results"), {"periode": "2026-Q2"})
    results = response.context["results"]
    assert results.period == Q2
    assert results.total.banen_einde == Decimal("11.00")
    assert response.context["message"] is None


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("gisteren", "Onbekende periode"),
        ("2026", "Kies een kwartaal"),
        ("2020-Q1", "geen cijfers gepubliceerd"),
        ("2026-Q4", "geen cijfers gepubliceerd"),
        ("<script>", "Onbekende periode"),
    ],
)
def test_bad_period_shows_a_message_and_the_latest_quarter(client, programme, code, fragment):
    response = client.get(reverse("reports:results"), {"periode": code})
    assert response.status_code == 200
    assert fragment in response.context["message"]
    assert response.context["results"].period == Q3
    assert "<script>" not in response.content.decode()


def test_empty_programme(client, db):
    response = client.get(reverse("reports:results"))
    assert response.status_code == 200
    assert "nog geen goedgekeurde kwartaalrapportages" in response.content.decode()
    assert client.get(reverse("reports:open_data_csv")).status_code == 200
    assert client.get(reverse("reports:open_data_json")).status_code == 200


def test_results_are_in_the_sitemap(client, db):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/resultaten/</loc>" in xml
    assert "/resultaten/open-data/</loc>" in xml
